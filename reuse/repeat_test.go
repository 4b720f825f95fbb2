package reuse

import (
	"runtime"
	"strings"
	"testing"
)

// repetitive returns two reports that share a run of n identical
// characters, with different text around it.
func repetitive(n int) (string, string) {
	run := strings.Repeat("发", n)
	return "甲乙丙丁戊己庚辛壬癸" + run + "子丑寅卯辰巳午未申酉", "天地玄黄宇宙洪荒日月" + run + "盈昃辰宿列张寒来暑往"
}

// allocated returns the bytes allocated by comparing the two reports of
// repetitive(n), and the pairs found.
func allocated(t *testing.T, n int) (uint64, []Pair) {
	a, b := repetitive(n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	pairs := runReuse(t, Options{}, nil, reuseDocs(a, b)...)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, pairs
}

// TestReuseRepetitiveMemory (issue 14 item 14): two reports sharing a run
// of N identical characters allocated 820 MB at N = 5,000 and over 4 GB at
// N = 20,000 (N² seeds). Memory must grow linearly: four times the run,
// at most eight times the bytes (quadratic growth gives sixteen), and the
// run is still found whole.
func TestReuseRepetitiveMemory(t *testing.T) {
	small, _ := allocated(t, 5000)
	big, pairs := allocated(t, 20000)
	t.Logf("N=5,000: %.1f MB; N=20,000: %.1f MB", float64(small)/1e6, float64(big)/1e6)
	if big > 8*small || big > 50e6 {
		t.Errorf("N=20,000 allocates %.1f MB, %.1f× N=5,000: not linear", float64(big)/1e6, float64(big)/float64(small))
	}
	if len(pairs) != 1 || pairs[0].Shared != 20000 || len(pairs[0].Passages) != 1 {
		t.Fatalf("pairs %+v, want one passage of the 20,000-character run", pairs)
	}
}

func TestCapRepeats(t *testing.T) {
	var fps []fingerprint
	for i := range 40 {
		fps = append(fps, fingerprint{hash: 7, pos: int32(i)})
		if i%10 == 0 {
			fps = append(fps, fingerprint{hash: uint64(100 + i), pos: int32(i)})
		}
	}
	got := capRepeats(fps)
	var sevens []int32
	others := 0
	for _, f := range got {
		if f.hash == 7 {
			sevens = append(sevens, f.pos)
		} else {
			others++
		}
	}
	want := []int32{0, 1, 2, 3, 4, 5, 6, 7, 32, 33, 34, 35, 36, 37, 38, 39}
	if len(sevens) != len(want) || others != 4 {
		t.Fatalf("kept %v of hash 7 and %d others, want %v and 4", sevens, others, want)
	}
	for i := range want {
		if sevens[i] != want[i] {
			t.Fatalf("kept %v of hash 7, want %v", sevens, want)
		}
	}
}
