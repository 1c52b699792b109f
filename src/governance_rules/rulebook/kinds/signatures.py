"""Vouchers carry the signatures the sources require, and no informal slip (白条) is used."""

from __future__ import annotations

from ..._words import counted, in_words
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Field, all_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind

SIGNATURE_FIELDS = {
    "handler": ("signed_handler", "经办人", "the handler"),
    "director": ("signed_director", "主任", "the director"),
    "party_secretary": ("signed_party_secretary", "书记", "the party secretary"),
    "deputy_director": ("signed_deputy_director", "副主任", "a deputy director"),
}


class SignaturesParams(KindParams):
    required: list[str]
    when_director_is_secretary: list[str]
    min_signers: int
    forbid_informal_slip: bool


class Signatures(ClauseKind[SignaturesParams]):
    """Handler + director + party secretary sign (three or more people); where one person is
    both director and secretary, handler + director + a deputy director. No informal slips."""

    name = "signatures"
    summary = "a voucher carries the required signatures and is not an informal slip"
    fact_types = frozenset({"expense"})
    params_model = SignaturesParams

    def clauses(self, params: SignaturesParams) -> list[Clause]:
        out = []
        if params.forbid_informal_slip:
            out.append(Clause(eq("informal_slip", 1), "使用白条下账", "paid on an informal slip (白条)",
                              "informal_slip"))
        # where one person is director and secretary, the bracketed clause of the same line
        # decides who signs (handler, director and a deputy director): it is cited on its own
        for flag, roles, clause in ((0, params.required, "signatures"),
                                    (1, params.when_director_is_secretary,
                                     "director_is_secretary")):
            for role in roles:
                field, zh, en = SIGNATURE_FIELDS[role]
                note_zh = "（主任书记一人兼）" if flag else ""
                note_en = " (director and secretary are one person)" if flag else ""
                # a signature given that does not count (not the seat's holder that day, or
                # after the payment) is named with why (``void_{role}``, "" for none given)
                out.append(Clause(all_of(eq("director_is_secretary", flag), eq(field, 0)),
                                  f"缺少{zh}的有效签字{note_zh}{{void_{role}}}",
                                  f"no valid signature of {en}{note_en}{{void_{role}}}",
                                  clause))
        out.append(Clause(Cmp(Field("distinct_signers"), "<", params.min_signers),
                          f"签字人少于{params.min_signers}人",
                          f"fewer than {params.min_signers} different people signed",
                          "signatures"))
        return out

    def measured(self, fact: Fact, params: SignaturesParams) -> Text:
        signed = [(zh, en) for f, zh, en in SIGNATURE_FIELDS.values() if fact.values[f] == 1]
        people = int(fact.values["distinct_signers"])
        slip_zh = "；使用白条" if fact.values["informal_slip"] == 1 else ""
        slip_en = "; paid on an informal slip" if fact.values["informal_slip"] == 1 else ""
        # a signature given that does not count: who signed, and who held the seat that day
        void = [role for role, (f, _, _) in SIGNATURE_FIELDS.items()
                if fact.values[f] != 1 and f"signature_{role}" in fact.names]
        roster = fact.people
        void_zh = "".join("；不计的签字：" + in_words(fact.names.get(f"signature_{r}_zh", ""), "zh",
                                                  roster) for r in void)
        void_en = "".join("; not counted: " + in_words(fact.names[f"signature_{r}"], "en", roster)
                          for r in void)
        return trusted(Text,
            zh=(f"{'、'.join(z for z, _ in signed)}签字，共{people}人" if signed
                else "无人签字") + slip_zh + void_zh,
            en=(f"signed by {', '.join(e for _, e in signed)}; "
                f"{counted(people, 'person', 'en').replace('persons', 'people')}" if signed
                else "nobody signed") + slip_en + void_en)


