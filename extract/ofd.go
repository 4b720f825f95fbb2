package extract

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
)

// readOFD returns the text of an OFD file (GB/T 33190-2016, 电子文件存储与
// 交换格式 版式文档), a zip of XML files, page by page:
//
//	OFD.xml        ofd:DocBody/ofd:DocRoot names each document's Document.xml
//	Document.xml   ofd:Pages/ofd:Page/@BaseLoc names each page's Content.xml,
//	               relative to Document.xml's folder ("/..." from the root)
//	Content.xml    ofd:TextObject/ofd:TextCode hold the text, in any layer,
//	               page block or composite object
//
// Template pages (ofd:TemplatePage: letterheads, running headers, seals)
// are not read. A TextCode starts a new line when its baseline moves by more
// than half the font size, or when it goes back to the left.
func readOFD(r io.ReaderAt, size int64, lim Limits) (*Text, error) {
	d, err := openZipDoc(r, size, lim, "OFD file")
	if err != nil {
		return nil, err
	}
	root, err := d.open("OFD.xml")
	if err != nil {
		return nil, err
	}
	var ofd struct {
		DocRoot []string `xml:"DocBody>DocRoot"`
	}
	if err := xml.Unmarshal(root, &ofd); err != nil {
		return nil, damaged("OFD.xml: %v", err)
	}
	if len(ofd.DocRoot) == 0 {
		return nil, damaged("OFD.xml names no document (DocBody/DocRoot)")
	}
	var pages [][]string
	for _, dr := range ofd.DocRoot {
		docPath := ofdPath("", dr)
		data, err := d.open(docPath)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Pages []struct {
				BaseLoc string `xml:"BaseLoc,attr"`
			} `xml:"Pages>Page"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			return nil, damaged("%s: %v", docPath, err)
		}
		for _, p := range doc.Pages {
			pp := ofdPath(path.Dir(docPath), p.BaseLoc)
			data, err := d.open(pp)
			if err != nil {
				return nil, err
			}
			lines, err := ofdPageText(data)
			if err != nil {
				return nil, damaged("%s: %v", pp, err)
			}
			pages = append(pages, lines)
		}
	}
	if len(pages) == 0 {
		return nil, damaged("the OFD file has no pages")
	}
	t := &Text{Pages: joinPages(dropFurniture(pages))}
	if strings.TrimSpace(t.String()) == "" {
		return nil, &NoTextError{Pages: len(pages)}
	}
	return t, nil
}

// ofdPath resolves an OFD location: from the package root when it starts
// with "/", else from dir.
func ofdPath(dir, loc string) string {
	loc = strings.ReplaceAll(strings.TrimSpace(loc), "\\", "/")
	if strings.HasPrefix(loc, "/") {
		return path.Clean(strings.TrimPrefix(loc, "/"))
	}
	return path.Clean(path.Join(dir, loc))
}

// ofdPageText returns the lines of one page's Content.xml.
func ofdPageText(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = utf8Only
	var (
		lines     []string
		line      strings.Builder
		inCode    bool
		objX      float64
		objY      float64
		fontSize  = 3.5 // mm, when TextObject has no Size
		lastX     = math.NaN()
		lastY     = math.NaN()
		curX      float64
		curY      float64
		haveCoord bool
		depth     int // open elements, to catch a page cut short
	)
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return nil, io.ErrUnexpectedEOF
			}
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "TextObject":
				objX, objY = 0, 0
				if b := attr(t, "Boundary"); b != "" {
					if f := strings.Fields(b); len(f) >= 2 {
						objX, _ = strconv.ParseFloat(f[0], 64)
						objY, _ = strconv.ParseFloat(f[1], 64)
					}
				}
				if s, err := strconv.ParseFloat(attr(t, "Size"), 64); err == nil && s > 0 {
					fontSize = s
				}
			case "TextCode":
				inCode = true
				x, errX := strconv.ParseFloat(attr(t, "X"), 64)
				y, errY := strconv.ParseFloat(attr(t, "Y"), 64)
				haveCoord = errX == nil && errY == nil
				curX, curY = objX+x, objY+y
			}
		case xml.EndElement:
			depth--
			if t.Name.Local == "TextCode" {
				inCode = false
			}
		case xml.CharData:
			if !inCode {
				continue
			}
			if haveCoord {
				newLine := !math.IsNaN(lastY) && (math.Abs(curY-lastY) > fontSize/2 || curX < lastX-fontSize)
				if newLine {
					flush()
				}
				lastX, lastY = curX, curY
				haveCoord = false
			}
			line.Write(t)
		}
	}
	flush()
	return lines, nil
}

// attr returns the value of the attribute with the local name, or "".
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
