// Package extract gets the plain text, with page boundaries, out of binary
// document formats and archives, so that the rest of tifa only ever sees
// text.
//
// Researchers collect reports as they come from government sites: PDF
// attachments, Word files (.docx, .doc, WPS's .wps), RTF, OFD (the national
// e-document format, GB/T 33190) and zip or tar.gz archives of all of these,
// often with GBK-encoded member names. The package answers three questions
// for the loader:
//
//   - What is this file? Classify looks at its name and first bytes and
//     says whether it is a report to read, an archive to walk, something
//     recognised that is not a report (images, .DS_Store, a manifest,
//     spreadsheets, tifa's own outputs), or a format that is not read (with
//     the reason), so that no file is skipped without a word.
//   - What does it say? Extractor.Extract returns the text of a PDF, .docx,
//     .doc, .wps, .rtf or .ofd file page by page (PDF and OFD have pages; the
//     others are one page), with page numbers and running headers and
//     footers removed. A PDF without a text layer, an encrypted or a damaged
//     file is a typed error (NoTextError, ErrEncrypted, ErrDamaged).
//   - What is inside? OpenArchive opens a .zip, .tar or .tar.gz as an
//     fs.FS, with member names decoded (GB18030 when a zip does not mark them
//     UTF-8), archives inside it opened one level deep, and limits against
//     zip bombs (LimitError).
//
// Plain text formats (.txt, .md, .html) are classified but not read here:
// decoding and cleaning text is package reports' job.
//
// PDF text comes from PDFium, Google's PDF engine, compiled to WebAssembly
// and run by wazero (github.com/klippa-app/go-pdfium, MIT and BSD-3 licensed;
// PDFium is BSD-3): pure Go, no cgo, nothing to install. The engine is
// compiled on first use (about 3 s on one core) and the compiled code kept in
// the user's cache directory, so later runs start in about 0.1 s. Each
// document runs in its own WebAssembly instance with a memory limit and a
// deadline: a damaged or hostile PDF fails with an error and cannot hang or
// crash the process.
//
// A scanned PDF (pages that are an image and no text) is a NoTextError
// naming its page count and how to OCR it; with Options.OCR set and
// tesseract installed, its pages are rendered and read by tesseract
// instead, with a warning naming them.
//
// Word, RTF and OFD are read by this package: no Go library reads .doc,
// .wps, RTF or OFD text (richardlehane/mscfb reads the OLE container of
// .doc and .wps, archive/zip and encoding/xml the containers of .ofd), and
// the .docx libraries served build a whole document model where one pass
// over word/document.xml suffices. That pass uses a small XML scanner
// written here, about twenty times as fast as encoding/xml (BenchmarkDOCX)
// and checked against it by a test and a fuzz target; it reads
// document.xml as it inflates, with klauspost/compress/flate (inflate.go).
package extract
