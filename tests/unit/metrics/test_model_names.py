"""Names reports print are unique per model, even where sources give two models one display name."""

from __future__ import annotations

from tests.conftest import rows, write
from warehouse.ingest import ingest


def test_models_that_share_a_display_name_read_differently(empty, tmp_path):
    ingest(empty, "models", write(tmp_path / "models.csv", """
model,creator,display_name,release_date
flash-0514,lab,Flash,2024-05-14
flash-002,lab,Flash,2024-09-24
flash-exp-0827,lab,Flash,2024-08-27
flash-may,lab,Flash (May 2024),2024-05-30
base-1,lab,Base,2024-01-01
instruct-1,lab,Base,2024-01-01
solo,lab,Solo,
"""))
    names = dict(rows(empty, "SELECT model, name FROM model_names"))
    assert len(set(names.values())) == len(names) == 7
    assert names["solo"] == "Solo" and names["flash-may"] == "Flash (May 2024)"
    assert names["flash-002"] == "Flash (Sep 2024)"
    assert names["flash-0514"] == "Flash (0514)"  # its month is taken by another model's own name
    assert {names["base-1"], names["instruct-1"]} == {"Base (base-1)", "Base (instruct-1)"}


def test_twins_of_one_month_are_told_apart_by_what_differs_in_their_ids(empty, tmp_path):
    """Issue 23, point 7: 'DeepSeek-V3 (base)', not 'DeepSeek-V3 (deepseek-v3-base)'; 'Llama 3.1-8B (q8-0)',
    not 'Llama 3.1-8B (llama3.1-8b-instruct-q8-0)'; the id whole only where the ids share nothing."""
    ingest(empty, "models", write(tmp_path / "models.csv", """
model,creator,display_name,release_date
deepseek-v3,lab,DeepSeek-V3,2024-12-26
deepseek-v3-base,lab,DeepSeek-V3,2024-12-26
grok-4-1-fast-reasoning,lab,Grok 4.1 Fast,2025-11-20
grok-4-1-fast-non-reasoning,lab,Grok 4.1 Fast,2025-11-20
gpt-4-32k-0613,lab,GPT-4,2023-06-13
gpt-4-32k-0615,lab,GPT-4,2023-06-15
code-davinci-002,lab,GPT-3.5,2022-03-15
text-davinci-002,lab,GPT-3.5,2022-03-15
llama-3.3-70b-instruct,lab,Llama 3.3 70B,2024-12-06
llama-3.3-70b-instruct-q8-0-gguf,lab,Llama 3.3 70B,2024-12-06
llama3.3-70b-instruct-q8-0,lab,Llama 3.3 70B,2024-12-06
llama-3.1-8b-instruct,lab,Llama 3.1-8B,2024-07-23
llama3.1-8b-instruct-q8-0,lab,Llama 3.1-8B,2024-07-23
llama-2-70b-chat,lab,Llama 2-70B,2023-07-18
llama-2-70b-chat-hf,lab,Llama 2-70B,2023-07-18
llama-2-70b-hf,lab,Llama 2-70B,2023-07-18
claude-instant-1.1,lab,Claude Instant,
claude-instant-1,lab,Claude Instant,
qwen3-next-80b,lab,deepinfra/Qwen3-Next-80B,
"""))
    names = dict(rows(empty, "SELECT model, name FROM model_names"))
    assert names == {"deepseek-v3": "DeepSeek-V3", "deepseek-v3-base": "DeepSeek-V3 (base)",
                     "grok-4-1-fast-reasoning": "Grok 4.1 Fast (reasoning)",
                     "grok-4-1-fast-non-reasoning": "Grok 4.1 Fast (non-reasoning)",
                     "gpt-4-32k-0613": "GPT-4 (0613)", "gpt-4-32k-0615": "GPT-4 (0615)",  # not '(13)' and '(15)'
                     "code-davinci-002": "GPT-3.5 (code-davinci-002)", "text-davinci-002": "GPT-3.5 (text-davinci-002)",
                     # ids compared without their separators ('llama3.3' is 'llama-3.3'), each against its
                     # nearest twin, not the prefix all three share ('llama'); the q8-0 build against the
                     # id it adds to, not the '-gguf' id that merely continues it
                     "llama-3.3-70b-instruct": "Llama 3.3 70B", "llama-3.3-70b-instruct-q8-0-gguf": "Llama 3.3 70B (gguf)",
                     "llama3.3-70b-instruct-q8-0": "Llama 3.3 70B (q8-0)",
                     "llama-3.1-8b-instruct": "Llama 3.1-8B", "llama3.1-8b-instruct-q8-0": "Llama 3.1-8B (q8-0)",
                     # 'hf' would tell both -hf builds from their nearest twin: each takes the rest of its id
                     # after what it shares with them all
                     "llama-2-70b-chat": "Llama 2-70B (chat)", "llama-2-70b-chat-hf": "Llama 2-70B (chat-hf)",
                     "llama-2-70b-hf": "Llama 2-70B (hf)",
                     "claude-instant-1.1": "Claude Instant (1.1)", "claude-instant-1": "Claude Instant (1)",
                     "qwen3-next-80b": "Qwen3-Next-80B"}  # never a reseller's slug in front
