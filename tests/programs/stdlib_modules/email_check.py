# Checks: email: building a MIME message, headers, parsing back, policies, address utilities.
import email
import email.header
import email.message
import email.policy
import email.utils
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

message = email.message.EmailMessage()
message["From"] = email.utils.formataddr(("Ada Lovelace", "ada@example.org"))
message["To"] = "Bob <bob@example.org>, carol@example.org"
message["Subject"] = "Résumé of the meeting"
message["Date"] = email.utils.format_datetime(email.utils.parsedate_to_datetime("Mon, 01 Jan 2024 10:00:00 +0000"))
message["Message-ID"] = "<fixed@example.org>"
message.set_content("Hello Bob,\nthe notes are attached.\n")
message.add_attachment(b"\x00\x01data", maintype="application", subtype="octet-stream", filename="notes.bin")
text = message.as_string()
boundary = message.get_boundary()
print(text.replace(boundary, "BOUNDARY"))
parsed = email.message_from_string(text, policy=email.policy.default)
print(parsed["subject"], parsed["to"].addresses[0].display_name, parsed.is_multipart())
print([part.get_content_type() for part in parsed.walk()])
print(parsed.get_body(("plain",)).get_content())
attachment = next(parsed.iter_attachments())
print(attachment.get_filename(), attachment.get_content())
print(email.utils.parseaddr("Someone Else <someone@example.com>"), email.utils.getaddresses(["a@b.c, D <d@e.f>"]))
print(email.utils.quote('say "hi"'), email.utils.unquote('"quoted"'))
legacy = MIMEMultipart("alternative")
legacy["Subject"] = "legacy"
legacy.attach(MIMEText("plain body", "plain"))
legacy.attach(MIMEText("<b>html</b>", "html", "utf-8"))
legacy.set_boundary("XYZ")
print(legacy.as_string())
raw = b"Subject: =?utf-8?q?caf=C3=A9?=\r\nX-Num: 5\r\n\r\nbody line\r\n"
old_style = email.message_from_bytes(raw)
print(old_style["Subject"], email.header.decode_header(old_style["Subject"]), old_style.get_payload())
print(str(email.header.make_header(email.header.decode_header(old_style["Subject"]))))
