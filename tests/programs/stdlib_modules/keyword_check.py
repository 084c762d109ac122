# Checks: keyword: iskeyword, issoftkeyword and the keyword lists.
import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print([word for word in ("if", "match", "case", "_", "print", "None", "async", "type") if keyword.iskeyword(word)])
print([word for word in ("if", "match", "case", "_", "print", "None") if keyword.issoftkeyword(word)])
print(len(keyword.kwlist))
