package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"

	jsonser "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models/odataerrors"
)

// maxErrorBody bounds how much of an error body the retry handler reads when
// it turns a response into an error itself.
const maxErrorBody = 64 << 10

// graphErrorBody is Graph's error document.
type graphErrorBody struct {
	Error struct {
		Code       string `json:"code"`
		Message    string `json:"message"`
		InnerError struct {
			RequestID       string `json:"request-id"`
			ClientRequestID string `json:"client-request-id"`
		} `json:"innerError"`
	} `json:"error"`
}

// readError consumes an error response into *Error (without an operation;
// wrapError names it).
func readError(resp *http.Response) *Error {
	e := &Error{StatusCode: resp.StatusCode}
	var body []byte
	if resp.Body != nil {
		body, _ = io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		resp.Body.Close()
	}
	var doc graphErrorBody
	if json.Unmarshal(body, &doc) == nil && doc.Error.Code != "" {
		e.Code, e.Message = doc.Error.Code, doc.Error.Message
		e.RequestID, e.ClientRequestID = doc.Error.InnerError.RequestID, doc.Error.InnerError.ClientRequestID
	} else if text := strings.TrimSpace(string(body)); text != "" {
		e.Message = excerpt(text)
	}
	if e.RequestID == "" {
		e.RequestID = resp.Header.Get("request-id")
	}
	if e.ClientRequestID == "" {
		e.ClientRequestID = resp.Header.Get("client-request-id")
	}
	return e
}

// normalizeErrorBody makes an error response readable by kiota as Graph's
// error. Kiota turns an error body it cannot read (a proxy's HTML page, a
// truncated document, a content type without a parser, a Graph error with a
// field of an unexpected type) into a bare parse error, losing the status
// and the ids. Such a body is replaced by a Graph error document with the
// status, what could be salvaged of the original (code, message, ids) and
// otherwise an excerpt of its text. Bodies kiota reads, and empty bodies,
// pass unchanged.
func normalizeErrorBody(resp *http.Response) *http.Response {
	if resp.StatusCode < 400 || resp.Body == nil || resp.Body == http.NoBody {
		return resp
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody+1))
	resp.Body.Close()
	mediaType, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";")
	mediaType = strings.ToLower(strings.TrimSpace(mediaType))
	complete := err == nil && len(body) <= maxErrorBody
	if complete && (len(body) == 0 || (mediaType == "application/json" && isJSONObject(body) && kiotaReadsError(body))) {
		resp.Body = io.NopCloser(bytes.NewReader(body))
		return resp
	}
	if !complete {
		body = nil
	}
	replaced := salvageError(resp.StatusCode, mediaType, body)
	resp.Body = io.NopCloser(bytes.NewReader(replaced))
	resp.ContentLength = int64(len(replaced))
	resp.Header.Set("Content-Type", "application/json")
	resp.Header.Del("Content-Encoding")
	resp.Header.Set("Content-Length", strconv.Itoa(len(replaced)))
	return resp
}

// kiotaReadsError reports whether kiota's JSON parse node and Graph's error
// factory read body without error (exactly what the request adapter does).
func kiotaReadsError(body []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	node, err := jsonser.NewJsonParseNode(body)
	if err != nil {
		return false
	}
	_, err = node.GetObjectValue(odataerrors.CreateODataErrorFromDiscriminatorValue)
	return err == nil
}

// salvageError builds a Graph error document from an unreadable error body.
func salvageError(status int, mediaType string, body []byte) []byte {
	code := strings.ReplaceAll(http.StatusText(status), " ", "")
	if code == "" {
		code = "HTTP" + strconv.Itoa(status)
	}
	var message, target string
	inner := map[string]string{}
	var doc map[string]any
	if json.Unmarshal(body, &doc) == nil {
		if e, ok := doc["error"].(map[string]any); ok {
			if c, ok := e["code"].(string); ok && c != "" {
				code = c
			}
			message, _ = e["message"].(string)
			target, _ = e["target"].(string)
			if in, ok := e["innerError"].(map[string]any); ok {
				for _, k := range []string{"request-id", "client-request-id"} {
					if v, ok := in[k].(string); ok {
						inner[k] = v
					}
				}
			}
		}
	}
	if message == "" {
		message = "The service answered HTTP " + strconv.Itoa(status) + " with a body that is not a Graph error"
		if mediaType != "" {
			message += " (" + mediaType + ")"
		}
		if text := strings.TrimSpace(string(body)); text != "" {
			message += ": " + excerpt(text)
		}
	}
	e := map[string]any{"code": code, "message": message}
	if target != "" {
		e["target"] = target
	}
	if len(inner) > 0 {
		e["innerError"] = inner
	}
	out, _ := json.Marshal(map[string]any{"error": e})
	return out
}

// isJSONObject reports whether b is a JSON object, which is what kiota's
// error factory can read.
func isJSONObject(b []byte) bool {
	b = bytes.TrimSpace(b)
	return len(b) > 0 && b[0] == '{' && json.Valid(b)
}

// excerpt shortens a body for an error message, on a rune boundary.
func excerpt(s string) string {
	const limit = 300
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
