"""ITA score lines, written from the numbers (people get the years and the change wrong)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..domain import Score


def _number(text: str) -> Decimal | None:
    from ..thai.digits import parse_decimal_text

    cleaned = parse_decimal_text(text or "")
    if cleaned is None:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _two(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):.2f}"


def score_lines(score: Score, fiscal_year: int) -> list[str]:
    """'ITA ปี 2567 ได้คะแนน 94.99 คะแนน', 'ITA ปี 2568 …', 'มีคะแนนเฉลี่ยเพิ่มขึ้น 3.73 คะแนน'.

    Digits come out Arabic; the document turns them Thai when the report asks for it.
    """
    lines = []
    topic = score.topic.strip()
    if topic:
        lines.append(topic if topic.startswith("ผลการประเมิน") else f"ผลการประเมิน ITA ในหัวข้อ{topic}")
    previous, current = _number(score.previous), _number(score.current)
    if previous is not None:
        lines.append(f"ITA ปี {fiscal_year - 1} ได้คะแนน {_two(previous)} คะแนน")
    if current is not None:
        lines.append(f"ITA ปี {fiscal_year} ได้คะแนน {_two(current)} คะแนน")
    if previous is not None and current is not None:
        change = current - previous
        if change > 0:
            lines.append(f"มีคะแนนเฉลี่ยเพิ่มขึ้น {_two(change)} คะแนน")
        elif change < 0:
            lines.append(f"มีคะแนนเฉลี่ยลดลง {_two(-change)} คะแนน")
        else:
            lines.append("มีคะแนนเฉลี่ยเท่าเดิม")
    return lines
