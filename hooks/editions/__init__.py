"""What a lesson becomes: quiz, teacher pack, Braille, easy read, posters, cards, offline copies."""
