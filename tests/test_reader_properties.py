"""Property-based tests for the read and check stages (hypothesis).

Documents of the seed family are assembled from real parts plus random noise;
whatever comes in, the reader must not crash and conservation must hold: every
non-blank line in a block or classified, and no text altered or invented.
"""

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check import prove_document
from generator.read.decode import decode_bytes
from generator.read.readers import read_lines

SEED_LINES = (Path(__file__).parent.parent / "seeds" / "000_fb4425727dd22f71.txt").read_text(encoding="utf-8").split("\n")
FIXTURES = Path(__file__).parent / "fixtures" / "reader"
PARTS = SEED_LINES + [line for f in sorted(FIXTURES.glob("*.txt")) for line in f.read_text(encoding="utf-8").split("\n")]

noise = st.text(
    alphabet=st.sampled_from(list("附件：:、。，（）()[]#>*_|-—《》 \t\u3000一二三IVX123abc政府Policy\u200b\ufeff<>&\"'{}")),
    max_size=40,
)
line = st.one_of(st.sampled_from(PARTS), noise, st.sampled_from(PARTS).map(lambda s: s[: len(s) // 2]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, max_size=60), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_reader_never_crashes_and_conserves_every_line(lines, newline, bom):
    data = ("\ufeff" if bom else "") + newline.join(lines)
    decoded = decode_bytes(data.encode("utf-8"), "noise.txt")
    if decoded.lines is None:
        assert decoded.diagnostics and decoded.diagnostics[0].severity == "error"
        return
    document, found = read_lines(decoded.lines, "noise.txt", "noise.txt")
    if document is None:
        assert any(d.severity == "error" for d in found)
        return
    assert prove_document(document) == ()


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_LINES)), st.lists(noise, min_size=1, max_size=5))
@example(position=35, inserted=["附件"])  # a label between signature and date once lost the signature
def test_noise_inserted_into_the_seed_is_kept(position, inserted):
    lines = tuple(SEED_LINES[:position] + inserted + SEED_LINES[position:])
    document, _ = read_lines(lines, "seed.txt", "seed.txt")
    if document is not None:
        assert prove_document(document) == ()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_decoder(data):
    decoded = decode_bytes(data, "junk.txt")
    assert (decoded.lines is None) == any(d.severity == "error" for d in decoded.diagnostics)
