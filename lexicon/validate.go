package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Categories are the categories an entry of the built-in lexicon may have.
// User files may use any category; plain-text entries without a [category]
// line get "user".
var Categories = []string{
	"economy", "reform", "environment", "rural", "social", "governance", "party",
	"opening", "innovation", "health", "safety", "culture", "regional", "urban", "ideology",
}

// provinces are the short names a built-in entry's Origin may hold, besides
// "national".
var provinces = []string{
	"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
	"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
	"四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
}

// Years a Since field may hold (0 means unknown).
const (
	minYear = 1949
	maxYear = 2100
)

// cleanForm normalises a raw form (Normalize, then stripMarks: quotation
// marks are transparent to the matcher) and checks it; msg is empty when
// the form is usable.
func cleanForm(raw string) (form, msg string) {
	if !utf8.ValidString(raw) {
		return "", fmt.Sprintf("form %q is not valid UTF-8 (save the file as UTF-8)", raw)
	}
	form = stripMarks(Normalize(raw))
	if form == "" {
		return "", "empty form"
	}
	for _, r := range form {
		if unicode.IsControl(r) {
			return "", fmt.Sprintf("form %q holds a control character", form)
		}
	}
	return form, ""
}

// checkBuiltinFields reports the field values the built-in lexicon forbids:
// a category outside Categories and an origin that is neither "national"
// nor a province short name.
func checkBuiltinFields(e *Entry) []*Error {
	var errs []*Error
	if e.Category != "" && !slices.Contains(Categories, e.Category) {
		errs = append(errs, errorf(e.File, e.Line, ErrField,
			"unknown category %q (the built-in lexicon allows %v)", e.Category, Categories))
	}
	if e.Origin != "" && e.Origin != "national" && !slices.Contains(provinces, e.Origin) {
		errs = append(errs, errorf(e.File, e.Line, ErrField,
			"unknown origin %q (want national or a province short name such as 浙江)", e.Origin))
	}
	return errs
}

// owner records which entry claimed a form first.
type owner struct {
	entry   int
	alias   bool // an alias, not the canonical form
	variant bool // a compound's other spelling, not a form as written
}

// validateSet normalises the forms and exclusions of a set of entries and
// checks that no two entries share a form and that every exclusion can
// apply (see checkExclude). It returns copies of the entries with
// normalised forms, aliases that repeat the canonical form or another alias
// and repeated exclusions silently dropped, and one error per problem, in
// entry order. A form that fails a check is left out of the conflict checks
// that follow, so one mistake is reported once.
func validateSet(entries []Entry) ([]Entry, []*Error) {
	if len(entries) == 0 {
		return nil, nil
	}
	out := make([]Entry, len(entries))
	var errs []*Error
	seen := make(map[string]owner)
	for i := range entries {
		e := entries[i]
		e.Aliases, e.Exclude = nil, nil
		formsOK := true
		slogan, msg := cleanForm(entries[i].Slogan)
		if msg != "" {
			errs = append(errs, errorf(e.File, e.Line, ErrForm, "slogan: %s", msg))
			formsOK = false
		}
		e.Slogan = slogan
		if slogan != "" {
			if err := claim(seen, out, i, &e, slogan, false); err != nil {
				errs = append(errs, err)
			}
		}
		for _, raw := range entries[i].Aliases {
			alias, msg := cleanForm(raw)
			if msg != "" {
				errs = append(errs, errorf(e.File, e.Line, ErrForm, "alias of %s: %s", e.Slogan, msg))
				formsOK = false
				continue
			}
			if alias == slogan || slices.Contains(e.Aliases, alias) {
				continue
			}
			e.Aliases = append(e.Aliases, alias)
			if err := claim(seen, out, i, &e, alias, true); err != nil {
				errs = append(errs, err)
			}
		}
		errs = append(errs, cleanExclude(&e, entries[i].Exclude, formsOK)...)
		out[i] = e
	}
	return out, errs
}

// cleanExclude normalises the raw exclusions of e into e.Exclude, dropping
// repeats, and reports those that are empty or ill-formed and, when all of
// e's forms are usable (formsOK), those checkExclude rejects.
func cleanExclude(e *Entry, raw []string, formsOK bool) []*Error {
	var errs []*Error
	forms := e.Forms()
	for _, r := range raw {
		x, msg := cleanForm(r)
		if msg == "" && formsOK {
			msg = checkExclude(x, forms)
		}
		if msg != "" {
			kind := ErrExclude
			if x == "" {
				kind = ErrForm
			}
			errs = append(errs, errorf(e.File, e.Line, kind, "exclusion of %s: %s", e.Slogan, msg))
			continue
		}
		if !slices.Contains(e.Exclude, x) {
			e.Exclude = append(e.Exclude, x)
		}
	}
	return errs
}

// checkExclude returns why exclusion x of an entry with the given forms
// could never apply, or "": it must contain one of the forms, and not be
// one, or it would drop every occurrence of that form. Compounds count in
// all their spellings (variants).
func checkExclude(x string, forms []string) string {
	var spell []string
	for _, f := range forms {
		spell = append(spell, variants(f)...)
	}
	xs := variants(x)
	for _, v := range xs {
		if slices.Contains(spell, v) {
			return fmt.Sprintf("%s is one of its own forms (an exclusion must be a longer context)", v)
		}
	}
	for _, v := range xs {
		for _, f := range spell {
			if strings.Contains(v, f) {
				return ""
			}
		}
	}
	return fmt.Sprintf("%s contains none of its forms, so it can never apply", x)
}

// claim records that entry i (e, not yet stored in out) uses form and each
// of its variants (a compound's other spellings); when an earlier entry
// already owns one of them the error names both places.
func claim(seen map[string]owner, out []Entry, i int, e *Entry, form string, alias bool) *Error {
	for _, v := range variants(form) {
		prev, taken := seen[v]
		if !taken {
			seen[v] = owner{entry: i, alias: alias, variant: v != form}
			continue
		}
		if prev.entry == i {
			continue // a compound spelling another form of the same entry
		}
		p := &out[prev.entry]
		shown := form
		if v != form {
			shown = fmt.Sprintf("%s (written %s)", form, v)
		}
		switch {
		case alias:
			return errorf(e.File, e.Line, ErrConflict, "alias %s of %s already belongs to %s (%s:%d)",
				shown, e.Slogan, p.Slogan, p.File, p.Line)
		case prev.variant || v != form:
			return errorf(e.File, e.Line, ErrConflict, "%s already spells a compound form of %s (%s:%d)",
				shown, p.Slogan, p.File, p.Line)
		case prev.alias:
			return errorf(e.File, e.Line, ErrConflict, "%s is already an alias of %s (%s:%d)",
				form, p.Slogan, p.File, p.Line)
		default:
			return errorf(e.File, e.Line, ErrDuplicate, "duplicate entry %s (first at %s:%d)",
				form, p.File, p.Line)
		}
	}
	return nil
}
