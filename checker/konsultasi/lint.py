"""What ``kebijakan lint`` says about ``policy/konsultasi/*.yml``: the clause ids are the
draft's, and every published comment has an answer (a warning while the regulation is a
draft, an error once it is enacted)."""

from __future__ import annotations

from checker.codes import At, lint_problem
from checker.errors import Problem
from checker.konsultasi.berkas import Berkas
from checker.policy.model import Peraturan
from checker.policy.numbering import number


def lint_berkas(files: list[Berkas], peraturan: Peraturan) -> list[Problem]:
    """Problems of the consultation files against the version they sit in."""
    known = set(number(peraturan).addresses)
    enacted = peraturan.status == "ditetapkan"
    out: list[Problem] = []
    for berkas in files:
        # a file about an earlier version may name a clause that version had and a later one
        # removed (often because of the comment): worth a look, not a broken file
        earlier = berkas.versi != peraturan.version
        for index, item in enumerate(berkas.masukan):
            if item.pasal not in known:
                out.append(
                    lint_problem(
                        At(berkas.path, *berkas.where(index, "pasal")),
                        "konsultasi-pasal",
                        f"masukan {item.id} atas versi {berkas.versi} menyebut klausul "
                        f"{item.pasal!r} yang tidak ada lagi dalam versi ini; bila klausul itu "
                        "dihapus, biarkan, dan sebutkan dalam tanggapan"
                        if earlier
                        else f"masukan {item.id} menyebut klausul {item.pasal!r} yang tidak ada "
                        "dalam rancangan ini; tulis id klausulnya (misalnya hak-jp), bukan "
                        "nomor Pasal",
                        severity="warning" if earlier else None,
                    )
                )
            for changed in item.pasal_diubah:
                if changed not in known:
                    out.append(
                        lint_problem(
                            At(berkas.path, *berkas.where(index, "pasal_diubah")),
                            "konsultasi-pasal",
                            f"pasal_diubah masukan {item.id} menyebut klausul {changed!r} yang "
                            "tidak ada dalam rancangan ini",
                            severity="warning" if earlier else None,
                        )
                    )
            missing = [
                name
                for name, value in (("tanggapan", item.tanggapan), ("keputusan", item.keputusan))
                if not value
            ]
            if missing:
                out.append(
                    lint_problem(
                        At(berkas.path, *berkas.where(index)),
                        "konsultasi-tanggapan",
                        f"masukan {item.id} atas {item.pasal} belum diberi "
                        f"{' dan '.join(missing)}"
                        + (
                            "; peraturan yang sudah ditetapkan harus menjawab setiap masukan"
                            if enacted
                            else "; lengkapi sebelum rancangan ditetapkan"
                        ),
                        severity="error" if enacted else None,
                    )
                )
    return out
