# Checks: gettext: NullTranslations, a compiled .mo catalogue written to a temp dir, plural forms, fallbacks.
import gettext
import os
import struct
import tempfile


def build_mo(messages):
    """A GNU .mo file for a dict of message -> translation (keys sorted as the format wants)."""
    keys = sorted(messages)
    ids = b""
    strings = b""
    offsets = []
    for key in keys:
        key_bytes, value_bytes = key.encode(), messages[key].encode()
        offsets.append((len(ids), len(key_bytes), len(strings), len(value_bytes)))
        ids += key_bytes + b"\0"
        strings += value_bytes + b"\0"
    count = len(keys)
    key_table_start = 7 * 4
    value_table_start = key_table_start + count * 8
    ids_start = value_table_start + count * 8
    strings_start = ids_start + len(ids)
    output = struct.pack("Iiiiiii", 0x950412de, 0, count, key_table_start, value_table_start, 0, 0)
    for id_offset, id_length, _, _ in offsets:
        output += struct.pack("ii", id_length, ids_start + id_offset)
    for _, _, string_offset, string_length in offsets:
        output += struct.pack("ii", string_length, strings_start + string_offset)
    return output + ids + strings


catalogue = {
    "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
    "Hello": "Bonjour",
    "apple\0apples": "pomme\0pommes",
    "menu\x04Open": "Ouvrir",
}
null = gettext.NullTranslations()
print(null.gettext("Hello"), null.ngettext("apple", "apples", 2))
with tempfile.TemporaryDirectory() as folder:
    messages_folder = os.path.join(folder, "fr", "LC_MESSAGES")
    os.makedirs(messages_folder)
    with open(os.path.join(messages_folder, "demo.mo"), "wb") as file:
        file.write(build_mo(catalogue))
    translation = gettext.translation("demo", localedir=folder, languages=["fr"])
    print(type(translation).__name__, translation.gettext("Hello"), translation.gettext("Goodbye"))
    print([translation.ngettext("apple", "apples", n) for n in (0, 1, 2)])
    print(translation.pgettext("menu", "Open"), translation.pgettext("other", "Open"), translation.info()["plural-forms"])
    print(gettext.find("demo", folder, ["de", "fr"]).replace(folder, "FOLDER"))
    try:
        gettext.translation("demo", localedir=folder, languages=["de"])
    except FileNotFoundError as error:
        print("FileNotFoundError:", error.strerror)
    fallback = gettext.translation("demo", localedir=folder, languages=["de"], fallback=True)
    print(type(fallback).__name__, fallback.gettext("Hello"))
plural = gettext.c2py("n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2")
print([plural(n) for n in (1, 2, 5, 11, 21, 22, 25, 111)])
