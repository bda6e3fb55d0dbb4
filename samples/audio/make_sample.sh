#!/usr/bin/env bash
# Regenerate interview.flac: a short fictional two-person research interview, spoken by
# espeak-ng voices and joined with sox (Debian packages: espeak-ng sox).
# Everyone and everything named in it is invented.
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
say $I 40 150 "Thank you for joining us today. Could you start by telling me your name and where you work?"
say $R 70 140 "Sure. My name is Margaret Okafor, and I am a nurse at Riverside General Hospital in Millbrook."
say $I 40 150 "How long have you worked there?"
say $R 70 140 "Um, about eleven years now. I started on the night shift, uh, right after my daughter Priya was born."
say $I 40 150 "What has changed most in that time?"
say $R 70 140 "Honestly, the paperwork. We spend more time on the computer than with patients."
:
say $I 40 150 "Is there anything you would like to add?"
sox -n -r 16000 -c 1 -b 16 "$tmp/07b.wav" trim 0 2.5   # a long pause before the last answer
say $R 70 140 "Only that my manager, Doctor Ellis, has been very supportive. Thank you."
sox $(ls "$tmp"/[0-9]*.wav | grep -v raw | sort) interview.flac
echo "wrote $(pwd)/interview.flac ($(soxi -D interview.flac) s)"
