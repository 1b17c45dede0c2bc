"""The municipality's digital signature on an exported PDF (PAdES baseline B-B), with its
certificate: a PKCS#12 file (.p12/.pfx) and its password, both asked for each time and
never kept. pyHanko adds the signature as an incremental update, so the PDF as written
stays readable by every viewer, and a change after signing shows in validation.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from .errors import ExportError

FIELD_NAME = "ITADeskSignature"


class SigningFailed(ExportError):
    english = "The PDF could not be signed."


def signer_from_file(path: Path, password: str) -> Callable[[bytes], bytes]:
    """A function signing a PDF's bytes with the certificate in `path`; SigningFailed (in
    Thai) for a missing file or a wrong password."""
    from pyhanko.sign import signers

    path = Path(path)
    if not path.is_file():
        raise SigningFailed(f"ไม่พบไฟล์ใบรับรอง «{path.name}» กรุณาเลือกไฟล์ .p12 หรือ .pfx "
                            "ของหน่วยงาน", path, english="The certificate file is missing.")
    # load_pkcs12 logs and returns None on a wrong password rather than raising
    signer = signers.SimpleSigner.load_pkcs12(str(path), passphrase=password.encode("utf-8"))
    if signer is None:
        raise SigningFailed("เปิดไฟล์ใบรับรองไม่ได้ รหัสผ่านอาจไม่ถูกต้อง หรือไฟล์ไม่ใช่ใบรับรอง "
                            "แบบ .p12/.pfx กรุณาลองอีกครั้ง (ไฟล์ PDF ยังไม่ได้บันทึก)", path,
                            english="Wrong password or not a PKCS#12 file.")

    def sign(data: bytes) -> bytes:
        return sign_pdf(data, signer)

    return sign


def sign_pdf(data: bytes, signer: object) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    writer = IncrementalPdfFileWriter(BytesIO(data))
    # PADES subfilter (ETSI.CAdES.detached), no time stamp and no validation data: B-B
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME,
                                        subfilter=SigSeedSubFilter.PADES,
                                        reason="ITA Desk: หลักฐานประกอบการประเมิน ITA")
    out = signers.sign_pdf(writer, meta, signer=signer)  # type: ignore[arg-type]
    return out.getvalue()


def ask_password(prompt: str = "รหัสผ่านของใบรับรอง (ไม่ถูกบันทึก): ") -> str:
    """The password typed at the console unseen; from a pipe, its first line."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
