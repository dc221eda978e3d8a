package fakegraph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// The fake reads request bodies into an ordered tree instead of a Go struct
// so that it can reject what encoding/json would silently accept (duplicate
// properties, unknown properties, numbers where strings belong) and report
// the first offending property in body order, like the service's OData
// reader does.

// object is a JSON object with its members in document order.
// Values are nil, bool, string, json.Number, object or []any.
type object []member

type member struct {
	Name  string
	Value any
}

// get returns the value of the named member.
func (o object) get(name string) (any, bool) {
	for _, m := range o {
		if m.Name == name {
			return m.Value, true
		}
	}
	return nil, false
}

// MarshalJSON keeps the member order.
func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		name, _ := json.Marshal(m.Name)
		value, err := json.Marshal(m.Value)
		if err != nil {
			return nil, err
		}
		buf.Write(name)
		buf.WriteByte(':')
		buf.Write(value)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// errDuplicateProperty reports a property that occurs twice in one object;
// OData forbids it and encoding/json would keep the last one.
type errDuplicateProperty struct{ name string }

func (e errDuplicateProperty) Error() string {
	return fmt.Sprintf("Multiple properties with the name '%s' were detected in an entry or a complex value. In OData, duplicate property names are not allowed.", e.name)
}

// parseJSON parses one JSON value (with nothing after it) into a tree.
func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := parseValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

func parseValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		return parseObject(dec)
	case json.Delim('['):
		return parseArray(dec)
	}
	return tok, nil
}

func parseObject(dec *json.Decoder) (object, error) {
	obj := object{}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name := tok.(string) // the decoder guarantees a string key here
		if seen[name] {
			return nil, errDuplicateProperty{name}
		}
		seen[name] = true
		v, err := parseValue(dec)
		if err != nil {
			return nil, err
		}
		obj = append(obj, member{name, v})
	}
	_, err := dec.Token() // '}'
	return obj, err
}

func parseArray(dec *json.Decoder) ([]any, error) {
	arr := []any{}
	for dec.More() {
		v, err := parseValue(dec)
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
	}
	_, err := dec.Token() // ']'
	return arr, err
}

// nodeKind names a value the way the OData JSON reader does in its errors.
func nodeKind(v any) string {
	switch v.(type) {
	case object:
		return "StartObject"
	case []any:
		return "StartArray"
	}
	return "PrimitiveValue"
}

// literal renders a primitive value for an error message.
func literal(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// remarshal converts a validated tree into one of the package's JSON structs.
func remarshal(v any, into any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, into)
}
