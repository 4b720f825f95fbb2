//go:build !unix

package infile

// oNonblock is 0 where FIFOs do not live in directories (Windows, wasm).
const oNonblock = 0
