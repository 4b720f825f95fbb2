package gengaz

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

// sources returns a small set of source files, in the shape of the real
// ones; edit changes one file before it is returned.
func sources(edit map[string]string) fstest.MapFS {
	files := map[string]string{
		HistoryFile: "\uFEFF代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码\n" +
			"130000,河北省,,河北省,省级,在用,1981,,\n" +
			"130600,河北省,保定市,保定市,地级,在用,1983,,\n" +
			"130622,河北省,保定市,清苑县,县级,弃用,1986,2015,130608\n" +
			"130608,河北省,保定市,清苑区,县级,在用,2015,,130601[2016]\n" +
			"130601,河北省,保定市,市辖区,县级,在用,2015,,\n",
		ProvincesFile: "code,name\n13,\"河北省\"\n",
		CitiesFile:    "code,name,provinceCode\n1306,\"保定市\",13\n",
		AreasFile:     "code,name,cityCode,provinceCode\n130608,\"清苑区\",1306,13\n130671,\"保定高新技术产业开发区\",1306,13\n",
		StreetsFile:   "code,name,areaCode,provinceCode,cityCode\n130608101,\"冉庄镇\",130608,13,1306\n130608100,\"清苑镇\",130608,13,1306\n",
	}
	for k, v := range edit {
		files[k] = v
	}
	fsys := fstest.MapFS{}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

// TestEncode checks the format on a small input, written out by hand
// from the package comment.
func TestEncode(t *testing.T) {
	got, err := Encode(sources(nil))
	if err != nil {
		t.Fatal(err)
	}
	u := func(b []byte, vs ...uint64) []byte {
		for _, v := range vs {
			b = binary.AppendUvarint(b, v)
		}
		return b
	}
	str := func(b []byte, ss ...string) []byte {
		for _, s := range ss {
			b = append(u(b, uint64(len(s))), s...)
		}
		return b
	}
	want := []byte(Magic)
	// History, by code: 130000, 130600, 130601, 130608, 130622.
	want = u(want, 5, 130000, 600, 1, 7, 14)
	want = append(want, 1, 2, 3, 3, 3)                  // levels
	want = append(want, 1, 3, 35, 35, 6)                // first years − 1980
	want = append(want, 0, 0, 0, 0, 35)                 // end years
	want = u(want, 0, 0, 0, 1, 1)                       // numbers of successors
	want = append(u(want, 130601), 36)                  // 130608's: 130601[2016]
	want = append(u(want, 130608), 0)                   // 130622's: 130608
	want = str(want, "河北省", "保定市", "市辖区", "清苑区", "清苑县") // names
	want = str(u(want, 1, 130671), "保定高新技术产业开发区")       // zones
	want = str(u(want, 2, 130608100, 1), "清苑镇", "冉庄镇")  // townships, by code
	if !bytes.Equal(got, want) {
		t.Errorf("Encode:\n got %q\nwant %q", got, want)
	}
	z, err := Build(sources(nil))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(raw, want) {
		t.Errorf("Build does not gzip Encode's bytes (%v)", err)
	}
	if z2, _ := Build(sources(nil)); !bytes.Equal(z, z2) {
		t.Error("two builds differ")
	}
}

func TestBuildErrors(t *testing.T) {
	hist := func(rows ...string) map[string]string {
		return map[string]string{HistoryFile: "代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码\n" +
			"130000,河北省,,河北省,省级,在用,1981,,\n130600,河北省,保定市,保定市,地级,在用,1983,,\n" +
			"130608,河北省,保定市,清苑区,县级,在用,2015,,\n" + strings.Join(rows, "\n") + "\n"}
	}
	tests := []struct {
		name string
		edit map[string]string
		want string
	}{
		{"missing file", map[string]string{}, ""},
		{"bad header", map[string]string{HistoryFile: "code,name,x,y,z,a,b,c,d\n"}, "areacodes_history.csv: header"},
		{"short code", hist("13062,河北省,保定市,清苑县,县级,弃用,1986,2015,130608"), "areacodes_history.csv:5: 代码"},
		{"level against code", hist("130622,河北省,保定市,清苑县,地级,弃用,1986,2015,130608"), ":5: 级别 地级 does not fit"},
		{"bad year", hist("130622,河北省,保定市,清苑县,县级,弃用,86,2015,130608"), ":5: 启用时间"},
		{"end before start", hist("130622,河北省,保定市,清苑县,县级,弃用,2015,1986,130608"), "not after"},
		{"status against end", hist("130622,河北省,保定市,清苑县,县级,在用,1986,2015,130608"), "状态 在用"},
		{"bad successor", hist("130622,河北省,保定市,清苑县,县级,弃用,1986,2015,130608[15]"), "新代码"},
		{"unknown successor", hist("130622,河北省,保定市,清苑县,县级,弃用,1986,2015,130699"), "successor 130699"},
		{"overlap", hist("130608,河北省,保定市,清苑县,县级,弃用,1986,2016,130608"), "overlap"},
		{"empty name", hist("130622,河北省,保定市,,县级,弃用,1986,2015,130608"), "名称: empty"},
		{"control character", hist("130622,河北省,保定市,清\t苑县,县级,弃用,1986,2015,130608"), "control"},
		{"not UTF-8", map[string]string{AreasFile: "code,name,cityCode,provinceCode\n130608,\"\xc7\xe5\",1306,13\n"}, "not UTF-8"},
		{"wrong field count", map[string]string{ProvincesFile: "code,name\n13\n"}, "wrong number of fields"},
		{"renamed in NBS", map[string]string{AreasFile: "code,name,cityCode,provinceCode\n130608,\"清苑县\",1306,13\n"}, "is 清苑县, but 清苑区"},
		{"province unknown", map[string]string{ProvincesFile: "code,name\n14,\"山西省\"\n"}, "14 山西省 is not a province"},
		{"prefecture unknown", map[string]string{CitiesFile: "code,name,provinceCode\n1307,\"张家口市\",13\n"}, "1307 张家口市 is not a prefecture"},
		{"township without county", map[string]string{StreetsFile: "code,name,areaCode,provinceCode,cityCode\n130609100,\"某镇\",130609,13,1306\n"}, "its county 130609"},
		{"duplicate code", map[string]string{StreetsFile: "code,name,areaCode,provinceCode,cityCode\n130608100,\"清苑镇\",130608,13,1306\n130608100,\"清苑镇\",130608,13,1306\n"}, ":3: code 130608100 twice"},
		{"no rows", map[string]string{StreetsFile: "code,name,areaCode,provinceCode,cityCode\n"}, "no rows"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := sources(tc.edit)
			if tc.name == "missing file" {
				delete(fsys, StreetsFile)
			}
			_, err := Build(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Build: %v, want an error with %q", err, tc.want)
			}
		})
	}
}
