package extract

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbkHex writes s as RTF \'hh escapes of its GBK bytes, as Word and WPS
// write Chinese text.
func gbkHex(t *testing.T, s string) string {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, c := range b {
		out.WriteString(`\'`)
		out.WriteString(strings.ToLower(string("0123456789ABCDEF"[c>>4]) + string("0123456789ABCDEF"[c&15])))
	}
	return out.String()
}

func TestRTF(t *testing.T) {
	cases := []struct {
		name, rtf, want string
	}{
		{
			// \ansicpg936: 8-bit text is GBK
			name: "ansicpg936",
			rtf:  `{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 ` + gbkHex(t, "宋体") + `;}}{\colortbl;\red0\green0\blue0;}\f0\fs32 ` + gbkHex(t, "各位代表：") + `\par ` + gbkHex(t, "现在") + `\par}`,
			want: "各位代表：\n现在",
		},
		{
			// \ansicpg1252 but a \fcharset134 font: its text is GBK; \uN
			// with \uc1 and \uc2 fallbacks skipped
			name: "fcharset134 and \\u",
			rtf:  `{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\froman Times;}{\f1\fnil\fcharset134 SimSun;}}\f0 Caf\'e9 {\f1 ` + gbkHex(t, "乡村振兴") + `}\uc1\u20013?\uc2\u22269\'b9\'fa\par}`,
			want: "Café 乡村振兴中国",
		},
		{
			// skipped destinations: info, header, footer, pict, field
			// instruction, an unknown \* destination, a tracked deletion;
			// kept: the field result, \tab, \cell, \row, escapes
			name: "destinations",
			rtf: `{\rtf1\ansi{\info{\title T}{\author A}}{\header Head}{\footer Foot}` +
				`{\*\generator Msftedit;}{\*\unknown stuff}{\pict\pngblip 89504e47}` +
				`Text {\field{\*\fldinst PAGE}{\fldrslt 3}} a\tab b\line c\par` +
				`{\deleted gone}kept \{x\} \\ \~ \emdash\par ` +
				`A\cell B\cell\row}`,
			want: "Text 3 a\tb\nc\nkept {x} \\ \u00a0 —\nA\tB",
		},
		{
			// \bin skips binary data, braces and all
			name: "bin",
			rtf:  "{\\rtf1 a{\\*\\blob\\bin4 {}\\x} b\\par}",
			want: "a b",
		},
		{
			// unbalanced braces and a cut escape are forgiven
			name: "cut short",
			rtf:  `{\rtf1 text}}} more\'`,
			want: "text more",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := extractor().Extract(context.Background(), RTF, []byte(c.rtf))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Pages) != 1 || got.Pages[0] != c.want {
				t.Errorf("got %q; want %q", got.Pages, c.want)
			}
		})
	}
	if _, err := extractor().Extract(context.Background(), RTF, []byte("not rtf")); !errors.Is(err, ErrDamaged) {
		t.Errorf("not RTF: %v; want ErrDamaged", err)
	}
}
