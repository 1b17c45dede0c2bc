"""The digital signature of exported PDFs: signed with a certificate the test makes, the
signature verifies with pyHanko (PAdES), poppler and QtPdf still read the file, a changed
byte is detected, a wrong password is told in Thai."""

from __future__ import annotations

import datetime
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from itadesk.demo import read_demo
from itadesk.export.jobs import export_bytes
from itadesk.export.signing import SigningFailed, signer_from_file

PASSWORD = "ลับ-1234"


def make_certificate(folder: Path) -> tuple[Path, bytes]:
    """A municipality's self-signed certificate as a .p12 file, and the certificate (DER)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "เทศบาลเมืองชัยนาท"),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "TH")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False),
                           critical=True)
            .sign(key, hashes.SHA256()))
    path = folder / "เทศบาล.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"municipality", key, cert, None,
        serialization.BestAvailableEncryption(PASSWORD.encode("utf-8"))))
    return path, cert.public_bytes(serialization.Encoding.DER)


def validate(data: bytes, cert_der: bytes):
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(BytesIO(data))
    (signature,) = reader.embedded_signatures
    context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(cert_der)])
    return signature, validate_pdf_signature(signature, context)


def test_a_signed_pdf_verifies_opens_everywhere_and_shows_tampering(tmp_path: Path):
    p12, cert = make_certificate(tmp_path)
    plain = export_bytes(read_demo("001"), "pdf")
    signed = signer_from_file(p12, PASSWORD)(plain)
    assert signed.startswith(plain)  # an incremental update: the exported file is kept
    signature, status = validate(signed, cert)
    assert status.intact and status.valid and status.bottom_line
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert status.signing_cert.subject.native["common_name"] == "เทศบาลเมืองชัยนาท"
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "มาตรการ" in text and "ผลการดำเนินการ" in text
    # the window's preview (QtPdf) opens it, in a process of its own as the window's tests do
    probe = subprocess.run([sys.executable, "-c", (
        "import sys;from PySide6.QtGui import QGuiApplication;"
        "from PySide6.QtPdf import QPdfDocument;"
        "a=QGuiApplication([]);d=QPdfDocument();d.load(sys.argv[1]);"
        "print(d.status().name, d.pageCount())"), str(path)],
        capture_output=True, text=True, timeout=60, env={"QT_QPA_PLATFORM": "offscreen",
                                                         **_env()})
    status_name, pages = probe.stdout.split()
    assert status_name == "Ready" and int(pages) >= 2, probe.stderr

    # one changed byte inside the signed range: the digest no longer matches
    start = signed.index(b"/Producer")
    tampered = signed[:start] + b"/Producex" + signed[start + len(b"/Producer"):]
    _signature, broken = validate(tampered, cert)
    assert not broken.intact and not broken.bottom_line
    # a change appended after signing: still intact bytes, but not covering the whole file
    _signature, appended = validate(signed + b"\n% added later\n", cert)
    assert appended.coverage.name != "ENTIRE_FILE"


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}


def test_a_wrong_password_or_a_missing_file_is_told_in_thai(tmp_path: Path):
    p12, _cert = make_certificate(tmp_path)
    with pytest.raises(SigningFailed) as caught:
        signer_from_file(p12, "ผิด")
    assert "รหัสผ่าน" in caught.value.message
    with pytest.raises(SigningFailed) as missing:
        signer_from_file(tmp_path / "none.p12", PASSWORD)
    assert "ไม่พบไฟล์ใบรับรอง" in missing.value.message


@pytest.mark.slow  # every PDF of a pack signed; one signed PDF is checked above
def test_itadesk_pack_signs_every_pdf(tmp_path: Path):
    p12, cert = make_certificate(tmp_path)
    out = tmp_path / "pack"
    run = subprocess.run([sys.executable, "-m", "itadesk", "pack", "--demo", "001", "--item",
                          "O26", "-o", str(out), "--certificate", str(p12)],
                         input=PASSWORD + "\n", capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 3
    for pdf in pdfs:
        _signature, status = validate(pdf.read_bytes(), cert)
        assert status.bottom_line, pdf.name
    assert "ลงลายมือชื่อดิจิทัล" in (out / "รายการเอกสาร.txt").read_text(encoding="utf-8")
    assert PASSWORD not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                   for p in out.glob("*.txt"))
