package extracttest

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"testing"
)

// WordDOCX writes paras as a .docx laid out as Microsoft Word saves a
// report typed and revised in it, for benchmarks whose rate depends on
// how well the file compresses. Where DOCX writes every paragraph alike
// and only the parts tifa reads, WordDOCX has what makes Word's files
// compress less:
//
//   - the text cut into runs where the script changes (digits and Latin
//     in their own runs, with their own fonts) and where it was edited,
//     each run marked with the revision session (w:rsidR, one of 60) that
//     wrote it, now and then a proofing mark or bookmark between runs;
//   - headings (short paragraphs without a full stop) in another font,
//     bold;
//   - the package parts Word writes besides document.xml, with their
//     usual markup and about their usual sizes: styles.xml (the latent
//     styles list is most of it), theme1.xml, settings.xml (the revision
//     sessions), fontTable.xml, webSettings.xml, numbering.xml, a header
//     and footer, footnotes, endnotes and docProps. Together they take
//     about 11 KB zipped, as in an empty document saved by Word.
//
// The choices come from a fixed seed: the same paras give the same file.
func WordDOCX(t testing.TB, paras []string) []byte {
	r := rand.New(rand.NewPCG(15, 2016))
	rsids := make([]string, 60)
	for i := range rsids {
		rsids[i] = fmt.Sprintf("00%06X", r.IntN(1<<24))
	}
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	entries := []ZipEntry{
		{Name: "[Content_Types].xml", Data: xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			overrides("/word/document.xml", "wordprocessingml.document.main", "/word/styles.xml", "wordprocessingml.styles", "/word/settings.xml", "wordprocessingml.settings",
				"/word/webSettings.xml", "wordprocessingml.webSettings", "/word/footnotes.xml", "wordprocessingml.footnotes", "/word/endnotes.xml", "wordprocessingml.endnotes",
				"/word/header1.xml", "wordprocessingml.header", "/word/footer1.xml", "wordprocessingml.footer", "/word/numbering.xml", "wordprocessingml.numbering",
				"/word/fontTable.xml", "wordprocessingml.fontTable", "/word/theme/theme1.xml", "theme", "/docProps/core.xml", "core-properties", "/docProps/app.xml", "extended-properties") + `</Types>`},
		{Name: "_rels/.rels", Data: xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="` + rel + `extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="` + rel + `officeDocument" Target="word/document.xml"/></Relationships>`},
		{Name: "word/document.xml", Data: wordDocument(r, rsids, paras)},
		{Name: "word/_rels/document.xml.rels", Data: xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + docRels(rel) + `</Relationships>`},
		{Name: "word/styles.xml", Data: wordStyles()},
		{Name: "word/theme/theme1.xml", Data: wordTheme()},
		{Name: "word/settings.xml", Data: wordSettings(rsids)},
		{Name: "word/fontTable.xml", Data: wordFonts()},
		{Name: "word/webSettings.xml", Data: xmlDecl + `<w:webSettings ` + wNS + `><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>`},
		{Name: "word/numbering.xml", Data: wordNumbering()},
		{Name: "word/header1.xml", Data: xmlDecl + `<w:hdr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr></w:p></w:hdr>`},
		{Name: "word/footer1.xml", Data: xmlDecl + `<w:ftr ` + wNS + `><w:sdt><w:sdtPr><w:id w:val="-1468893721"/><w:docPartObj><w:docPartGallery w:val="Page Numbers (Bottom of Page)"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="a7"/><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE   \* MERGEFORMAT</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:lang w:val="zh-CN"/></w:rPr><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt></w:ftr>`},
		{Name: "word/footnotes.xml", Data: notes("footnote")},
		{Name: "word/endnotes.xml", Data: notes("endnote")},
		{Name: "docProps/core.xml", Data: xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title><dc:creator>政府办</dc:creator><cp:lastModifiedBy>政府办</cp:lastModifiedBy><cp:revision>` + fmt.Sprint(len(rsids)) + `</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2021-01-18T02:11:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2021-02-03T08:47:00Z</dcterms:modified></cp:coreProperties>`},
		{Name: "docProps/app.xml", Data: xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>1163</TotalTime><Pages>23</Pages><Words>2874</Words><Characters>16384</Characters><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><Lines>136</Lines><Paragraphs>38</Paragraphs><ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>19220</CharactersWithSpaces><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>`},
	}
	return Zip(t, entries)
}

const (
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n"
	wNS     = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`
)

func overrides(pairs ...string) string {
	var b strings.Builder
	for i := 0; i < len(pairs); i += 2 {
		ct := "application/vnd.openxmlformats-officedocument." + pairs[i+1] + "+xml"
		switch pairs[i+1] {
		case "theme":
			ct = "application/vnd.openxmlformats-officedocument.theme+xml"
		case "core-properties":
			ct = "application/vnd.openxmlformats-package.core-properties+xml"
		}
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, pairs[i], ct)
	}
	return b.String()
}

func docRels(rel string) string {
	var b strings.Builder
	for i, p := range [][2]string{{"webSettings", "webSettings.xml"}, {"settings", "settings.xml"}, {"styles", "styles.xml"},
		{"numbering", "numbering.xml"}, {"footnotes", "footnotes.xml"}, {"endnotes", "endnotes.xml"}, {"header", "header1.xml"},
		{"footer", "footer1.xml"}, {"fontTable", "fontTable.xml"}, {"theme", "theme/theme1.xml"}} {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, 10-i, rel, p[0], p[1])
	}
	return b.String()
}

// wordDocument writes document.xml as Word does (see WordDOCX).
func wordDocument(r *rand.Rand, rsids []string, paras []string) string {
	var x strings.Builder
	x.WriteString(xmlDecl + `<w:document ` + wNS + `><w:body>`)
	rsid := func() string { return rsids[r.IntN(len(rsids))] }
	bookmark := 0
	for _, p := range paras {
		heading := len([]rune(p)) < 30 && !strings.HasSuffix(p, "。")
		font, size := "仿宋_GB2312", "32"
		if heading {
			font = "黑体"
		}
		rPr := func(latin bool, hint bool) string {
			var b strings.Builder
			b.WriteString(`<w:rPr>`)
			switch {
			case latin:
				fmt.Fprintf(&b, `<w:rFonts w:ascii="Times New Roman" w:eastAsia="%s" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>`, font)
			case hint:
				fmt.Fprintf(&b, `<w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s" w:hint="eastAsia"/>`, font, font, font)
			default:
				fmt.Fprintf(&b, `<w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s"/>`, font, font, font)
			}
			if heading {
				b.WriteString(`<w:b/><w:bCs/>`)
			}
			fmt.Fprintf(&b, `<w:sz w:val="%s"/><w:szCs w:val="%s"/>`, size, size)
			if r.IntN(4) == 0 {
				b.WriteString(`<w:kern w:val="0"/>`)
			}
			b.WriteString(`</w:rPr>`)
			return b.String()
		}
		fmt.Fprintf(&x, `<w:p w:rsidR="%s" w:rsidRDefault="%s" w:rsidP="%s"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>`, rsid(), rsid(), rsid())
		if heading {
			x.WriteString(`<w:outlineLvl w:val="0"/>`)
		}
		x.WriteString(rPr(false, false) + `</w:pPr>`)
		for _, run := range wordRuns(r, p) {
			switch k := r.IntN(40); {
			case k == 0:
				x.WriteString(`<w:proofErr w:type="gramStart"/>`)
			case k == 1:
				fmt.Fprintf(&x, `<w:bookmarkStart w:id="%d" w:name="_Hlk%d"/><w:bookmarkEnd w:id="%d"/>`, bookmark, 60000000+r.IntN(9999999), bookmark)
				bookmark++
			}
			latin := run[0] < 0x80
			space := ""
			if strings.HasPrefix(run, " ") || strings.HasSuffix(run, " ") {
				space = ` xml:space="preserve"`
			}
			fmt.Fprintf(&x, `<w:r w:rsidRPr="%s">%s<w:t%s>%s</w:t></w:r>`, rsid(), rPr(latin, !latin), space, html.EscapeString(run))
		}
		x.WriteString(`</w:p>`)
	}
	x.WriteString(`<w:sectPr w:rsidR="` + rsids[0] + `"><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588" w:header="851" w:footer="1134" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr></w:body></w:document>`)
	return x.String()
}

// wordRuns cuts a paragraph where its script changes (runs of ASCII
// apart from the rest) and at edits, every 4 to 60 characters.
func wordRuns(r *rand.Rand, p string) []string {
	var runs []string
	rs := []rune(p)
	start, edit := 0, 4+r.IntN(57)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || (rs[i] < 0x80) != (rs[i-1] < 0x80) || i-start >= edit {
			runs = append(runs, string(rs[start:i]))
			start, edit = i, 4+r.IntN(57)
		}
	}
	return runs
}

func notes(kind string) string {
	tag := "w:" + kind + "s"
	var b strings.Builder
	b.WriteString(xmlDecl + `<` + tag + ` ` + wNS + `>`)
	for i, sep := range []string{"separator", "continuationSeparator"} {
		fmt.Fprintf(&b, `<w:%s w:type="%s" w:id="%d"><w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:%s/></w:r></w:p></w:%s>`, kind, sep, i-1, sep, kind)
	}
	b.WriteString(`</` + tag + `>`)
	return b.String()
}

// latentNames are names of built-in styles for styles.xml's latent
// styles list; Word lists about 370, mostly these families numbered.
var latentNames = []string{"Normal", "heading", "index", "toc", "Normal Indent", "footnote text", "annotation text", "header", "footer",
	"index heading", "caption", "table of figures", "envelope address", "envelope return", "footnote reference", "annotation reference",
	"line number", "page number", "endnote reference", "endnote text", "table of authorities", "macro", "toa heading", "List", "List Bullet",
	"List Number", "List Continue", "Title", "Closing", "Signature", "Default Paragraph Font", "Body Text", "Body Text Indent", "Message Header",
	"Subtitle", "Salutation", "Date", "Body Text First Indent", "Note Heading", "Block Text", "Hyperlink", "FollowedHyperlink", "Strong",
	"Emphasis", "Document Map", "Plain Text", "E-mail Signature", "HTML Top of Form", "Normal (Web)", "HTML Acronym", "HTML Address",
	"HTML Cite", "HTML Code", "HTML Definition", "HTML Keyboard", "HTML Preformatted", "HTML Sample", "HTML Typewriter", "HTML Variable",
	"Normal Table", "annotation subject", "No List", "Outline List", "Balloon Text", "Table Grid", "Placeholder Text", "No Spacing",
	"Light Shading", "Light List", "Light Grid", "Medium Shading 1", "Medium Shading 2", "Medium List 1", "Medium List 2", "Medium Grid 1",
	"Medium Grid 2", "Medium Grid 3", "Dark List", "Colorful Shading", "Colorful List", "Colorful Grid", "Grid Table 1 Light", "Grid Table 2",
	"Grid Table 3", "Grid Table 4", "Grid Table 5 Dark", "Grid Table 6 Colorful", "Grid Table 7 Colorful", "List Table 1 Light",
	"List Table 2", "List Table 3", "List Table 4", "List Table 5 Dark", "List Table 6 Colorful", "List Table 7 Colorful", "Mention",
	"Smart Hyperlink", "Hashtag", "Unresolved Mention", "Smart Link"}

func wordStyles() string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>`)
	b.WriteString(`<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">`)
	n := 0
	for i, name := range latentNames {
		variants := []string{""}
		switch {
		case name == "heading" || name == "index" || name == "toc":
			variants = []string{" 1", " 2", " 3", " 4", " 5", " 6", " 7", " 8", " 9"}
		case strings.HasPrefix(name, "List") && !strings.Contains(name, "Table") || strings.Contains(name, "Shading") || strings.Contains(name, "Light ") || strings.Contains(name, "Medium") || strings.Contains(name, "Dark List") || strings.Contains(name, "Colorful "):
			variants = []string{"", " 2", " 3", " 4", " 5"}
		case strings.Contains(name, "Table ") && (strings.HasPrefix(name, "Grid") || strings.HasPrefix(name, "List")):
			variants = []string{"", " Accent 1", " Accent 2", " Accent 3", " Accent 4", " Accent 5", " Accent 6"}
		}
		for _, v := range variants {
			attrs := ` w:uiPriority="` + fmt.Sprint(1+(i*7+n)%99) + `"`
			if i%3 != 0 {
				attrs += ` w:semiHidden="1" w:unhideWhenUsed="1"`
			}
			if i < 12 || name == "Title" || name == "Strong" {
				attrs += ` w:qFormat="1"`
			}
			fmt.Fprintf(&b, `<w:lsdException w:name="%s%s"%s/>`, name, v, attrs)
			n++
		}
	}
	b.WriteString(`</w:latentStyles>`)
	for i, s := range [][3]string{{"paragraph", "a", "Normal"}, {"paragraph", "1", "heading 1"}, {"paragraph", "2", "heading 2"},
		{"character", "a0", "Default Paragraph Font"}, {"table", "a1", "Normal Table"}, {"numbering", "a2", "No List"},
		{"paragraph", "a3", "Balloon Text"}, {"character", "a4", "批注框文本 字符"}, {"paragraph", "a5", "header"}, {"character", "a6", "页眉 字符"},
		{"paragraph", "a7", "footer"}, {"character", "a8", "页脚 字符"}, {"paragraph", "a9", "Date"}, {"character", "aa", "日期 字符"},
		{"table", "ab", "Table Grid"}, {"paragraph", "ac", "Normal (Web)"}} {
		fmt.Fprintf(&b, `<w:style w:type="%s" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="a"/><w:link w:val="a%d"/><w:uiPriority w:val="%d"/><w:unhideWhenUsed/><w:rsid w:val="00%06X"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="%d"/></w:rPr></w:style>`,
			s[0], s[1], s[2], i+13, 9+i*3, 0x4A0000+i*7919, 18+i%4*2)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}

func wordTheme() string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements><a:clrScheme name="Office">`)
	for i, c := range []string{"dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"} {
		fmt.Fprintf(&b, `<a:%s><a:srgbClr val="%06X"/></a:%s>`, c, (0x4472C4*(i+1))&0xFFFFFF, c)
	}
	b.WriteString(`</a:clrScheme><a:fontScheme name="Office">`)
	scripts := []string{"Jpan", "Hang", "Hans", "Hant", "Arab", "Hebr", "Thai", "Ethi", "Beng", "Gujr", "Khmr", "Knda", "Guru", "Cans", "Cher",
		"Yiii", "Tibt", "Thaa", "Deva", "Telu", "Taml", "Syrc", "Orya", "Mlym", "Laoo", "Sinh", "Mong", "Viet", "Uigh", "Geor", "Armn",
		"Bugi", "Bopo", "Java", "Lisu", "Mymr", "Nkoo", "Olck", "Osma", "Phag", "Syrn", "Syrj", "Syre", "Sora", "Tale", "Talu", "Tfng"}
	faces := []string{"游ゴシック", "맑은 고딕", "等线", "新細明體", "Times New Roman", "Arial", "Leelawadee UI", "Nyala", "Vrinda", "Shruti",
		"MoolBoran", "Tunga", "Raavi", "Euphemia", "Plantagenet Cherokee", "Microsoft Yi Baiti", "Microsoft Himalaya", "MV Boli", "Mangal",
		"Gautami", "Latha", "Estrangelo Edessa", "Kalinga", "Kartika", "DokChampa", "Iskoola Pota", "Mongolian Baiti", "Microsoft Uighur",
		"Sylfaen", "Leelawadee UI Semilight", "Microsoft JhengHei", "Javanese Text", "Segoe UI", "Myanmar Text", "Ebrima", "Gadugi",
		"Microsoft PhagsPa", "Microsoft Tai Le", "Microsoft New Tai Lue", "Segoe UI Symbol"}
	for _, major := range []string{"majorFont", "minorFont"} {
		fmt.Fprintf(&b, `<a:%s><a:latin typeface="等线 %s" panose="02020603050405020304"/><a:ea typeface=""/><a:cs typeface=""/>`, major, major[:5])
		for i, s := range scripts {
			fmt.Fprintf(&b, `<a:font script="%s" typeface="%s"/>`, s, faces[(i*3+len(major))%len(faces)])
		}
		fmt.Fprintf(&b, `</a:%s>`, major)
	}
	b.WriteString(`</a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`)
	for _, lum := range [][3]int{{110000, 105000, 67000}, {103000, 102000, 40000}, {99000, 98000, 78000}} {
		fmt.Fprintf(&b, `<a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:lumMod val="%d"/><a:satMod val="%d"/><a:tint val="%d"/></a:schemeClr></a:gs><a:gs pos="50000"><a:schemeClr val="phClr"><a:lumMod val="%d"/><a:satMod val="103000"/><a:tint val="73000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr"><a:lumMod val="%d"/><a:satMod val="109000"/><a:tint val="81000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>`, lum[0], lum[1], lum[2], lum[1]-3000, lum[0]-5000)
	}
	b.WriteString(`</a:fillStyleLst><a:lnStyleLst>`)
	for _, w := range []int{6350, 12700, 19050} {
		fmt.Fprintf(&b, `<a:ln w="%d" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`, w)
	}
	b.WriteString(`</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst><a:outerShdw blurRad="57150" dist="19050" dir="5400000" algn="ctr" rotWithShape="0"><a:srgbClr val="000000"><a:alpha val="63000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/><a:satMod val="170000"/></a:schemeClr></a:solidFill><a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="93000"/><a:satMod val="150000"/><a:shade val="98000"/><a:lumMod val="102000"/></a:schemeClr></a:gs><a:gs pos="50000"><a:schemeClr val="phClr"><a:tint val="98000"/><a:satMod val="130000"/><a:shade val="90000"/><a:lumMod val="103000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr"><a:shade val="63000"/><a:satMod val="120000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`)
	return b.String()
}

func wordSettings(rsids []string) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<w:settings ` + wNS + `><w:zoom w:percent="100"/><w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/><w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="420"/><w:drawingGridHorizontalSpacing w:val="105"/><w:drawingGridVerticalSpacing w:val="156"/><w:displayHorizontalDrawingGridEvery w:val="0"/><w:displayVerticalDrawingGridEvery w:val="2"/><w:characterSpacingControl w:val="compressPunctuation"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/><w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/><w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/><w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat><w:rsids><w:rsidRoot w:val="` + rsids[0] + `"/>`)
	for _, r := range rsids {
		fmt.Fprintf(&b, `<w:rsid w:val="%s"/>`, r)
	}
	b.WriteString(`</w:rsids><m:mathPr xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:mathFont m:val="Cambria Math"/><m:brkBin m:val="before"/><m:brkBinSub m:val="--"/><m:smallFrac m:val="0"/><m:dispDef/><m:lMargin m:val="0"/><m:rMargin m:val="0"/><m:defJc m:val="centerGroup"/><m:wrapIndent m:val="1440"/><m:intLim m:val="subSup"/><m:naryLim m:val="undOvr"/></m:mathPr><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/><w:shapeDefaults><o:shapedefaults xmlns:o="urn:schemas-microsoft-com:office:office" v:ext="edit" spidmax="2049" xmlns:v="urn:schemas-microsoft-com:vml"/></w:shapeDefaults><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`)
	return b.String()
}

func wordFonts() string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<w:fonts ` + wNS + `>`)
	for i, f := range [][2]string{{"等线", "DengXian"}, {"Times New Roman", ""}, {"仿宋_GB2312", "FangSong_GB2312"}, {"黑体", "SimHei"},
		{"楷体_GB2312", "KaiTi_GB2312"}, {"宋体", "SimSun"}, {"方正小标宋简体", ""}, {"等线 Light", ""}, {"Cambria Math", ""}} {
		fmt.Fprintf(&b, `<w:font w:name="%s">`, f[0])
		if f[1] != "" {
			fmt.Fprintf(&b, `<w:altName w:val="%s"/>`, f[1])
		}
		fmt.Fprintf(&b, `<w:panose1 w:val="02%02X%02X09%02X0101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/><w:sig w:usb0="%08X" w:usb1="%08X" w:usb2="00000016" w:usb3="00000000" w:csb0="%08X" w:csb1="00000000"/></w:font>`,
			i*17%256, i*29%256, i*5%256, 0x800002BF+i*0x1031, 0x38CF7CFA-i*0x2107, 0x00040001+i*0x20)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

func wordNumbering() string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w:nsid w:val="1C3E51A2"/><w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="8E0C8D36"/>`)
	for l, f := range []string{"chineseCounting", "decimal", "decimalEnclosedParen", "decimal", "lowerLetter", "lowerRoman", "decimal", "lowerLetter", "lowerRoman"} {
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d" w:tplc="%08X"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%%%d."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="420"/></w:pPr></w:lvl>`, l, 0x04090019+l*0x11, f, l+1, 420*(l+1))
	}
	b.WriteString(`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)
	return b.String()
}
