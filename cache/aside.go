package cache

import (
	"path/filepath"
	"sort"
)

// SetAside returns the damaged databases of dir that a run moved aside
// (cache.db.damaged-<UTC time>, see Open), in name order: Clear removes
// them with the database.
func SetAside(dir string) []string {
	return asideOf(filepath.Join(dir, FileName))
}

// asideOf returns the files the database at path was moved aside to.
func asideOf(path string) []string {
	aside, _ := filepath.Glob(globEscape(path) + damagedSuffix + "*")
	sort.Strings(aside)
	return aside
}
