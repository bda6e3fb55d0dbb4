#!/usr/bin/env bash
# Regenerate fillers.flac: a fictional respondent answering with the fillers people say
# ("um", "uh", "hmm") and a false start, for measuring what veil transcribe keeps
# (bench/fillers.py). Spoken by espeak-ng voices and joined with sox (Debian packages:
# espeak-ng sox). Nothing named in it is real; it names no one.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
say() {  # say VOICE PITCH SPEED "text"
  i=$((i + 1))
  espeak-ng -v "$1" -p "$2" -s "$3" -w "$tmp/$(printf %02d $i).raw.wav" "$4"
  sox "$tmp/$(printf %02d $i).raw.wav" -r 16000 -c 1 -b 16 "$tmp/$(printf %02d $i).wav" pad 0 0.6
}
I="en-us+m3"; R="en-gb+f4"    # interviewer, respondent
say $I 40 150 "What was your first week on the ward like?"
say $R 70 140 "Um, it was hard. I, I did not know where anything was, and uh, the shifts were long."
say $I 40 150 "Who helped you most?"
say $R 70 140 "Hmm. The other nurses, mostly. Um, one of them showed me the, uh, the medication room."
say $I 40 150 "Would you choose the same job again?"
say $R 70 140 "Uh, yes. Um, I think so. It is, hmm, it is the people that make it worth it."
sox $(ls "$tmp"/[0-9]*.wav | grep -v raw | sort) fillers.flac
echo "wrote $(pwd)/fillers.flac ($(soxi -D fillers.flac) s)"
