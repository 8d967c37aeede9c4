"""A lexicon directory of one's own (``--lexicon DIR``, ``load_lexicon(DIR)``): every word list the
extractor reads comes from it, a file it does not hold is the bundled one, a malformed file is an
error naming the file, and the build's cache key follows its files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qgraph.cli import main
from qgraph.errors import ConfigError
from qgraph.extract import extract
from qgraph.extract_pool import environment_key
from qgraph.lexicon import load_lexicon
from qgraph.lexicon_io import lexicon_file, read_rows, read_words
from qgraph.model import Document, Kind
from qgraph.pipeline import build, build_dataset
from qgraph.resources import resource_dir
from qgraph.sources import read_document, split_sentences

TEXT = "某某市市场监督管理局召开质量工作推进会议，部署下一阶段工作。\n（统筹：王明远）\n"
"""A credit line whose word (统筹) is not in the bundled ``credit_roles.tsv``."""
PERSON = '"王明远"@zh'
"""The person's label in the graph (the document's text holds the name too)."""


def _own_lexicon(root: Path) -> Path:
    """A lexicon directory holding one file: ``credit_roles.tsv`` with the bundled rows and 统筹."""
    lexicon = root / "my-lexicon"
    lexicon.mkdir(parents=True)
    bundled = (resource_dir("lexicon") / "credit_roles.tsv").read_text(encoding="utf-8")
    (lexicon / "credit_roles.tsv").write_text(bundled.rstrip("\n") + "\n统筹\t统筹\n", encoding="utf-8")
    return lexicon


def _people(lexicon_dir: Path | None) -> set[str]:
    doc = Document("d", "d.txt", TEXT, sentences=split_sentences(TEXT))
    ex = extract(doc, load_lexicon(lexicon_dir) if lexicon_dir else None)
    return {e.name for e in ex.entities if e.kind is Kind.PERSON}


def test_a_changed_word_list_changes_the_extraction(tmp_path: Path) -> None:
    assert "王明远" not in _people(None)
    assert "王明远" in _people(_own_lexicon(tmp_path))


def test_files_the_directory_does_not_hold_are_the_bundled_ones(tmp_path: Path) -> None:
    own = _own_lexicon(tmp_path)
    lex = load_lexicon(own)
    assert lex.path("credit_roles.tsv") == own / "credit_roles.tsv"
    assert lexicon_file(own, "surnames.txt") == resource_dir("lexicon") / "surnames.txt"
    assert lex.places == load_lexicon().places
    assert lex.words("outlet_words.txt") == load_lexicon().words("outlet_words.txt")


def test_the_cache_key_follows_the_lexicon_directory(tmp_path: Path) -> None:
    own = _own_lexicon(tmp_path)
    assert environment_key(own)["lexicon"] != environment_key()["lexicon"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert environment_key(empty) == environment_key()  # nothing replaced: the bundled lexicon


def test_a_build_with_another_lexicon_extracts_again(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    kw: dict = {"formats": ("nq",), "with_store": False, "validate": False, "jobs": 1}
    first = build([docs], out, **kw)
    assert PERSON not in (out / "graph.nq").read_text(encoding="utf-8")
    second = build([docs], out, lexicon=load_lexicon(_own_lexicon(tmp_path)), **kw)
    assert second.cache == "cache: lexicon changed, rebuilding all"
    assert PERSON in (out / "graph.nq").read_text(encoding="utf-8")
    assert first.documents == second.documents == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_build_command_reads_the_lexicon_option(tmp_path: Path, jobs: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(TEXT, encoding="utf-8")
    (docs / "other.txt").write_text(TEXT.replace("王明远", "李明远"), encoding="utf-8")  # two: -j 2 uses workers
    own = _own_lexicon(tmp_path)
    runner = CliRunner()
    for option, found in (([], False), (["--lexicon", str(own)], True)):
        out = tmp_path / f"out-{found}"
        result = runner.invoke(main, ["build", str(docs), "-o", str(out), "-f", "nq", "--no-store", "--no-validate",
                                      "-j", jobs, "-q", "--json", *option])
        assert result.exit_code == 0, result.output
        graph = (out / "graph.nq").read_text(encoding="utf-8")
        assert (PERSON in graph) is found and ('"李明远"@zh' in graph) is found


def _score_line(output: str, name: str) -> list[str]:
    """The cells (P, R, F1, TP, FP, FN) of the score line of ``name`` in an eval report."""
    return next(line.split()[1:] for line in output.splitlines() if line.split()[:1] == [name])


def test_the_eval_command_reads_the_lexicon_option(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "report.txt").write_text(TEXT, encoding="utf-8")
    gold = {"entities": [{"type": "Person", "name": "王明远"}], "facts": []}
    (gold_dir / "report.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["eval", str(gold_dir), "--summary", "-q"])
    own = runner.invoke(main, ["eval", str(gold_dir), "--summary", "-q", "--lexicon", str(_own_lexicon(tmp_path))])
    assert plain.exit_code == own.exit_code == 0, plain.output + own.output
    assert _score_line(plain.output, "Person")[3:] == ["0", "0", "1"]  # TP FP FN: the person missed
    assert _score_line(own.output, "Person") == ["1.000", "1.000", "1.000", "1", "0", "0"]  # and found
    assert "gold checklist recall: 0/1" in plain.output and "gold checklist recall: 1/1" in own.output


def _with_boilerplate(lexicon: Path, pattern: str) -> Path:
    """``lexicon`` with a ``boilerplate.tsv`` of the bundled rules and a rule dropping ``pattern``."""
    bundled = (resource_dir("lexicon") / "boilerplate.tsv").read_text(encoding="utf-8")
    (lexicon / "boilerplate.tsv").write_text(bundled.rstrip("\n") + f"\n{pattern}\tdrop_line\town rule\n",
                                             encoding="utf-8")
    return lexicon


def test_documents_are_read_with_the_lexicons_boilerplate_rules(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(TEXT, encoding="utf-8")
    credits_only = load_lexicon(_own_lexicon(tmp_path / "a"))
    own_dir = _with_boilerplate(_own_lexicon(tmp_path / "b"), "^（统筹：.*）$")
    # the credit word alone: the credit line is read; with the rule dropping that line, it is not there
    assert "（统筹：王明远）" in read_document(docs / "report.txt", lexicon=credits_only).text
    assert "统筹" not in read_document(docs / "report.txt", lexicon=load_lexicon(own_dir)).text
    assert read_document(docs / "report.txt").text == TEXT.rstrip("\n")  # the bundled rules keep it
    dataset, extractions, errors = build_dataset([docs], lexicon=credits_only)
    assert not errors and "王明远" in {e.name for e in extractions[0].entities}
    dataset, extractions, errors = build_dataset([docs], lexicon=load_lexicon(own_dir))
    assert not errors and "王明远" not in {e.name for e in extractions[0].entities}


def test_a_build_reads_the_documents_again_when_the_boilerplate_rules_change(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    kw: dict = {"formats": ("nq",), "with_store": False, "validate": False, "jobs": 1}
    own_dir = _own_lexicon(tmp_path)
    build([docs], out, lexicon=load_lexicon(own_dir), **kw)
    assert PERSON in (out / "graph.nq").read_text(encoding="utf-8")
    key = environment_key(own_dir)["lexicon"]
    _with_boilerplate(own_dir, "^（统筹：.*）$")
    assert environment_key(own_dir)["lexicon"] != key
    again = build([docs], out, lexicon=load_lexicon(own_dir), **kw)
    assert again.cache == "cache: lexicon changed, rebuilding all"
    assert PERSON not in (out / "graph.nq").read_text(encoding="utf-8")  # the credit line was stripped


def test_an_edited_lexicon_directory_is_read_again(tmp_path: Path) -> None:
    own = tmp_path / "my-lexicon"
    own.mkdir()
    credit_roles = own / "credit_roles.tsv"
    bundled = (resource_dir("lexicon") / "credit_roles.tsv").read_text(encoding="utf-8")
    credit_roles.write_text(bundled, encoding="utf-8")
    first = load_lexicon(own)
    assert load_lexicon(own) is first  # unchanged: the same lexicon
    assert "王明远" not in _people(own)
    credit_roles.write_text(bundled.rstrip("\n") + "\n统筹\t统筹\n", encoding="utf-8")  # another size
    assert load_lexicon(own) is not first
    assert "王明远" in _people(own)
    (own / "surnames.txt").write_text("王\n", encoding="utf-8")  # a file added
    assert load_lexicon(own).surnames == frozenset({"王"})


def test_an_indented_comment_is_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("甲乙\n  # 丙丁: a comment, indented\n\t# another\n戊己\n", encoding="utf-8")
    assert read_words(path) == ["甲乙", "戊己"]
    table = tmp_path / "table.tsv"
    table.write_text("written\trole\n  # 编辑\tnot a row\n审校\t审校\n", encoding="utf-8")
    assert [r["written"] for r in read_rows(table, "written")] == ["审校"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("units.tsv", "word\tunit\n家\tJia\n", "lacks the column"),
    ("surnames.txt", b"\xff\xfe\xfa", "not UTF-8"),
    ("credit_roles.tsv", "written\trole\n审校\n", "2 tab-separated columns expected"),
])
def test_a_malformed_file_is_an_error_naming_it(tmp_path: Path, name: str, content: str | bytes,
                                                 message: str) -> None:
    own = tmp_path / "bad-lexicon"
    own.mkdir()
    path = own / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(ConfigError, match=message) as info:
        lex = load_lexicon(own)
        extract(Document("d", "d.txt", TEXT, sentences=split_sentences(TEXT)), lex)
    assert name in str(info.value)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(TEXT, encoding="utf-8")
    (docs / "other.txt").write_text(TEXT.replace("王明远", "李明远"), encoding="utf-8")
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["build", str(docs), "-o", str(tmp_path / f"out{jobs}"), "-f", "nq",
                                           "--no-store", "-j", jobs, "-q", "--lexicon", str(own)])
        assert result.exit_code == 2 and name in result.output, result.output


def test_a_missing_lexicon_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such lexicon directory"):
        load_lexicon(tmp_path / "nowhere")


def test_no_extraction_module_reads_the_bundled_lexicon_itself() -> None:
    """Every word list goes through the lexicon the extraction was given (the cause of a custom
    directory being ignored was modules reading the bundled files themselves)."""
    package = Path(__file__).resolve().parent.parent / "src" / "qgraph"
    modules = [*sorted((package / "extract").glob("*.py")), package / "labels.py", package / "mapping.py"]
    for path in modules:
        text = path.read_text(encoding="utf-8")
        for reader in ("lexicon_path", "resource_dir", "read_text(", "open("):
            assert reader not in text, f"{path.name} reads a file itself ({reader})"


def test_no_module_names_a_bundled_lexicon_file_itself() -> None:
    """Outside the lexicon's own modules, no module of the package (the reader of documents, the
    mapping, the commands …) finds a lexicon file itself: each goes through a :class:`Lexicon`
    (``Lexicon.path``, ``words``, ``table``) or is handed a directory (the cache key)."""
    package = Path(__file__).resolve().parent.parent / "src" / "qgraph"
    own = {package / "lexicon.py", package / "lexicon_io.py", package / "resources.py"}
    modules = sorted(p for p in package.rglob("*.py") if p not in own)
    assert package / "sources_meta.py" in modules and package / "sources.py" in modules
    for path in modules:
        text = path.read_text(encoding="utf-8")
        for reader in ("lexicon_path", 'resource_dir("lexicon")', "resource_dir('lexicon')", "lexicon_file(",
                       "read_words(", "read_rows(", "read_lines("):
            if reader == "read_rows(" and path.name in ("extsort.py", "union.py", "catalog.py"):
                continue  # rows of a sorted spill file, no lexicon
            assert reader not in text, f"{path.relative_to(package)} finds a lexicon file itself ({reader})"


def test_the_verbs_before_an_honour_title_are_the_lexicons(tmp_path: Path) -> None:
    text = "德清县华丰有限公司总经理张伟荣获湖州市优秀首席质量官。"
    doc = Document("d", "d.txt", text, place="德清县", sentences=split_sentences(text))
    honours = {e.name for e in extract(doc).entities if e.kind is Kind.HONOUR}
    assert honours == {"湖州市优秀首席质量官"}
    own = tmp_path / "my-lexicon"
    own.mkdir()
    (own / "honour_title_verbs.txt").write_text("# no 荣获 here\n被评为\n", encoding="utf-8")
    found = {(e.kind, e.name) for e in extract(doc, load_lexicon(own)).entities}
    assert not any(kind is Kind.HONOUR for kind, _ in found) and (Kind.PLACE, "湖州市") in found
