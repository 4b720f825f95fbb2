package segment

// AppendSlogans appends to dst the slogan tokens of text only — those
// AppendTokens gives, with the same spans and texts, without the words
// between them — and returns the extended slice. It segments nothing, so
// it runs at the speed of the lexicon's matcher: for the methods that see
// only slogans (tifa cooccur without --words).
func (s *Segmenter) AppendSlogans(dst []Token, text string) []Token {
	if s.matcher == nil {
		return dst
	}
	for _, m := range cover(s.matcher.Find(text)) {
		dst = append(dst, Token{Text: s.lex.Entries[m.Entry].Slogan, Start: m.Start, End: m.End, Entry: m.Entry})
	}
	return dst
}
