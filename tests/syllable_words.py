"""Words with their syllable counts, counted by hand (dictionary syllabification: English
as in Merriam-Webster's hyphenation points, Russian by vowels, Kazakh by the orthography
rule with у as a glide after a vowel or before one at the start). None of them is named in
issue 20. Used by tests/test_readability.py (at least 95 % must be right).
"""
EN = """telephone 3, message 2, account 2, password 2, stranger 2, payment 2, transfer 2, bank 1, card 1, scheme 1,
deceive 2, punish 2, prison 2, minister 3, internet 3, online 2, safety 2, danger 2, accident 3, hospital 3,
doctor 2, teacher 2, parents 2, children 2, student 2, school 1, lesson 2, question 2, answer 2, article 3,
code 1, court 1, judge 1, justice 2, freedom 2, property 3, theft 1, robbery 3, murder 2, serious 3,
obey 2, respect 2, duty 2, education 4, medical 3, period 3, quietly 3, violin 3, diary 3, poem 2,
poet 2, lion 2, riot 2, piano 3, radio 3, ideal 3, idiot 3, creature 2, theory 3, cruel 2,
fuel 2, dual 2, usual 3, situation 4, evaluate 4, graduate 3, ruin 2, client 2, reaction 3, neon 2,
geology 4, react 2, create 2, lenient 3, guardian 3, patient 2, ancient 2, delicious 3, anxious 2, crimes 1,
judges 2, laws 1, rules 1, phones 1, lives 1, houses 2, quiet 2, diet 2, society 4, various 3,
previous 3, union 3, million 2, opinion 3, statement 2, lately 2, hopeful 2, homeless 2, friend 1, fruit 1,
suit 1, genuine 3, audience 3, experience 4, official 3, social 2, precious 2, nation 2, language 2, guard 1"""
KK = """заң 1, құқық 2, міндет 2, азамат 3, мемлекет 3, ата-ана 4, мектеп 2, мұғалім 3, оқушы 3, сабақ 2,
сұрақ 2, жауап 2, қылмыс 2, жаза 2, сот 1, полиция 4, телефон 3, ақша 2, карта 2, банк 1,
алаяқ 3, хабарлама 4, құпиясөз 4, қауіпсіздік 4, денсаулық 3, ауру 2, сауда 2, дауыс 2, тауық 2, оқиға 3,
сиыр 2, киім 2, жиі 2, ою 2, аю 2, ұя 2, құқықтық 3, әділет 3, әділдік 3, еңбек 2,
отбасы 3, үй 1, көше 2, жол 1, көлік 2, жүргізуші 4, жаяу 2, уәде 2, уайым 2, уағыз 2,
ұрлық 2, тонау 2, алдау 2, зорлық 2, қорлау 2, шағым 2, арыз 2, куә 2, дәрігер 3, жедел 2,
көмек 2, өрт 1, сөндіру 3, құтқару 3, интернет 3, желі 2, ауа 2, ауыз 2, бауыр 2, қоғам 2,
Конституция 5, референдум 4, президент 3, парламент 3, министрлік 3, облыс 2, қала 2"""
RU = """поэт 2, радио 3, аэропорт 4, материал 4, идея 3, пианино 4, наушники 4, поиск 2, заявление 5, объявление 5,
приём 2, статья 2, кодекс 2, суд 1, полиция 4, мошенник 3, деньги 2, карта 2, телефон 3, сообщение 5,
родители 4, учитель 3, ученик 3, школа 2, право 2, обязанность 4, гражданин 3, государство 4, штраф 1, наказание 5,
кража 2, грабёж 2, убийство 3, свобода 3, безопасность 4, интернет 3, пароль 2, банк 1, счёт 1, перевод 3,
помощь 2, скорая 3, пожар 2, дорога 3, переход 3, светофор 3, ребёнок 3, семья 2, воровство 3, дроппер 2,
Казахстан 3, республика 4, референдум 4, президент 3, парламент 3, район 2, область 2, объяснение 5, вьюга 2, съесть 1"""


def parse(t): return [(w.split()[0], int(w.split()[1])) for w in t.replace("\n"," ").split(",") if w.strip()]
