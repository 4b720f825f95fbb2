package cache_test

import (
	"fmt"
	"os"

	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/reports"
)

// Example stores a file's documents and one document's term counts, and
// reads them back after reopening the cache, as a second run would.
func Example() {
	dir, err := os.MkdirTemp("", "tifa-cache-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	opt := cache.Options{Version: "0.1.0"}

	c, err := cache.Open(dir, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &reports.Document{ID: "浙江_2025.txt", Text: "全面推进乡村振兴。", Meta: reports.Meta{Region: "浙江", Year: 2025}}
	c.PutDocs("sha256-of-the-file 浙江_2025.txt", []*reports.Document{doc})
	c.PutTerms("sha256-of-the-file#0 words all", []string{"全面", "推进", "乡村振兴"}, []int{1, 1, 1}, []int{-1, -1, 12})
	if err := c.Close(); err != nil {
		fmt.Println(err)
		return
	}

	c, err = cache.Open(dir, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	docs, ok := c.GetDocs("sha256-of-the-file 浙江_2025.txt")
	fmt.Println(ok, docs[0].Meta.Region, docs[0].Meta.Year, docs[0].Text)
	terms, counts, entries, ok := c.GetTerms("sha256-of-the-file#0 words all")
	fmt.Println(ok, terms, counts, entries)
	_, ok = c.GetDocs("another file")
	fmt.Println(ok)
	// Output:
	// true 浙江 2025 全面推进乡村振兴。
	// true [全面 推进 乡村振兴] [1 1 1] [-1 -1 12]
	// false
}

// ExampleInspect describes a cache as 'tifa cache info' does, then clears
// it as 'tifa cache clear' does.
func ExampleInspect() {
	dir, err := os.MkdirTemp("", "tifa-cache-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	c, err := cache.Open(dir, cache.Options{Version: "0.1.0"})
	if err != nil {
		fmt.Println(err)
		return
	}
	c.PutTerms("a", []string{"改革"}, []int{3}, []int{-1})
	c.PutTerms("b", []string{"开放"}, []int{1}, []int{-1})
	if err := c.Close(); err != nil {
		fmt.Println(err)
		return
	}

	info, err := cache.Inspect(dir, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range info.Versions {
		fmt.Printf("tifa %s: %d docs, %d terms entries\n", v.Version, v.Docs.Entries, v.Terms.Entries)
	}
	freed, err := cache.Clear(dir, 0)
	fmt.Println(freed == info.Size, err)
	// Output:
	// tifa 0.1.0: 0 docs, 2 terms entries
	// true <nil>
}
