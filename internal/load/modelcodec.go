package load

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"unsafe"
)

// The page cache's values are written by this small codec instead of gob:
// gob sends a dozen type descriptors with every page, which cost more than
// the page's own data (a tenth of a cold check). The layout follows the Go
// type, field by field, so it needs no schema; the cache key already names
// the binary, so a value is only ever read by the code that wrote it. A type
// with an unexported field is refused: its value could not be restored.

var errCodec = errors.New("page cache: damaged value")

// encodeModel encodes v into a buffer of size bytes to begin with, so that
// most values never grow it.
func encodeModel(v any, size int) ([]byte, error) {
	return appendValue(make([]byte, 0, size), reflect.ValueOf(v))
}

// decodeModel fills v from b. Its strings are b's bytes, not copies (a
// build's bodies are most of a warm build's memory and a tenth of its
// time): b must never change after, as the caches' values never do.
func decodeModel(b []byte, v any) error {
	d := decoder{b: b}
	d.value(reflect.ValueOf(v).Elem())
	if d.err == nil && len(d.b) != 0 {
		d.err = errCodec
	}
	return d.err
}

func appendValue(b []byte, v reflect.Value) ([]byte, error) {
	var err error
	switch v.Kind() {
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		b = append(b, v.String()...)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b = binary.AppendVarint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b = binary.AppendUvarint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		b = binary.AppendUvarint(b, math.Float64bits(v.Float()))
	case reflect.Bool:
		b = append(b, boolByte(v.Bool()))
	case reflect.Pointer, reflect.Slice, reflect.Map:
		// nil and empty differ (a nil slice is what a fresh parse leaves).
		b = append(b, boolByte(!v.IsNil()))
		if v.IsNil() {
			return b, nil
		}
		switch v.Kind() {
		case reflect.Pointer:
			return appendValue(b, v.Elem())
		case reflect.Map:
			b = binary.AppendUvarint(b, uint64(v.Len()))
			for it := v.MapRange(); it.Next() && err == nil; {
				if b, err = appendValue(b, it.Key()); err == nil {
					b, err = appendValue(b, it.Value())
				}
			}
			return b, err
		}
		fallthrough
	case reflect.Array:
		if v.Kind() == reflect.Slice {
			b = binary.AppendUvarint(b, uint64(v.Len()))
		}
		for i := 0; i < v.Len() && err == nil; i++ {
			b, err = appendValue(b, v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField() && err == nil; i++ {
			f := v.Field(i)
			if !f.CanInterface() { // unexported; Type.Field would cost an allocation per field
				return nil, fmt.Errorf("page cache: %s.%s is unexported", v.Type(), v.Type().Field(i).Name)
			}
			b, err = appendValue(b, f)
		}
	default:
		return nil, fmt.Errorf("page cache: cannot keep a %s", v.Type())
	}
	return b, err
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

type decoder struct {
	b   []byte
	err error
}

// number reads one varint with read (binary.Uvarint or binary.Varint).
func number[T uint64 | int64](d *decoder, read func([]byte) (T, int)) T {
	n, k := read(d.b)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *decoder) uvarint() uint64 { return number(d, binary.Uvarint) }

func (d *decoder) flag() bool {
	if len(d.b) == 0 {
		d.fail()
		return false
	}
	f := d.b[0]
	d.b = d.b[1:]
	return f == 1
}

// length reads a count and refuses one larger than the bytes left, so a
// damaged value cannot ask for a huge allocation.
func (d *decoder) length() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCodec
	}
	d.b = nil
}

func (d *decoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n := d.length(); n > 0 {
			v.SetString(unsafe.String(&d.b[0], n))
			d.b = d.b[n:]
		} else {
			v.SetString("")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(number(d, binary.Varint))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(d.uvarint())
	case reflect.Float32, reflect.Float64:
		v.SetFloat(math.Float64frombits(d.uvarint()))
	case reflect.Bool:
		v.SetBool(d.flag())
	case reflect.Pointer:
		if d.flag() {
			v.Set(reflect.New(v.Type().Elem()))
			d.value(v.Elem())
		}
	case reflect.Map:
		if !d.flag() {
			return
		}
		n := d.length()
		m := reflect.MakeMapWithSize(v.Type(), n)
		for i := 0; i < n && d.err == nil; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			d.value(k)
			d.value(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Slice:
		if !d.flag() {
			return
		}
		n := d.length() // every element takes at least a byte
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := 0; i < n && d.err == nil; i++ {
			d.value(v.Index(i))
		}
	case reflect.Array:
		for i := 0; i < v.Len() && d.err == nil; i++ {
			d.value(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField() && d.err == nil; i++ {
			d.value(v.Field(i))
		}
	default:
		d.fail()
	}
}
