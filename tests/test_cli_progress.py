"""The progress bar counts files as they complete and names the file the run waits for."""

from __future__ import annotations

from pathlib import Path

import pytest

import tuogou.cli


class RecordingBar:
    """Stands in for tqdm: what the CLI told the bar."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.postfixes = total, 0, []

    def update(self) -> None:
        self.done += 1

    def set_postfix_str(self, text: str, refresh: bool = True) -> None:
        self.postfixes.append(text)

    def close(self) -> None:
        pass


def test_the_bar_counts_every_path_and_names_the_file_waited_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("各协会要在2020年10月底前完成脱钩任务。\n", encoding="utf-8")
    (corpus / "b.txt").write_text("各协会要在2021年6月底前完成脱钩任务。\n", encoding="utf-8")
    (corpus / "gone.txt").symlink_to("nowhere.txt")
    bars: list[RecordingBar] = []

    def recording_bar(total: int, enabled: bool) -> RecordingBar:
        bars.append(RecordingBar(total))
        return bars[-1]

    monkeypatch.setattr(tuogou.cli, "_progress_bar", recording_bar)
    assert tuogou.cli.main(["extract", "--input", str(corpus), "--output", str(tmp_path / "out"), "--workers", "1"]) == 0
    (bar,) = bars
    assert bar.total == bar.done == 3
    assert bar.postfixes[0] == "a.txt"
