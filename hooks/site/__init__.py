"""The site around the lessons: MkDocs wiring, pages, navigation, search, security, the build."""
