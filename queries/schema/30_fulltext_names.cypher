CREATE FULLTEXT INDEX names_and_titles IF NOT EXISTS
FOR (n:Actor|Event|Agreement|Claim|Source)
ON EACH [n.name, n.aliases, n.title, n.summary, n.text, n.content]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
