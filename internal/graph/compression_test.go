package graph

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	khttp "github.com/microsoft/kiota-http-go"
)

// sentRequest is what a middleware passed on: headers, length and body.
type sentRequest struct {
	Header        http.Header
	ContentLength int64
	Body          string
}

// recordingPipeline answers each request with the next of statuses and
// records what it was sent.
type recordingPipeline struct {
	statuses []int
	sent     []sentRequest
}

func (p *recordingPipeline) Next(req *http.Request, _ int) (*http.Response, error) {
	s := sentRequest{Header: req.Header.Clone(), ContentLength: req.ContentLength}
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		s.Body = string(b)
	}
	p.sent = append(p.sent, s)
	status := p.statuses[0]
	p.statuses = p.statuses[1:]
	return &http.Response{StatusCode: status, Body: http.NoBody}, nil
}

// The provider's compression middleware sends exactly what kiota's sends:
// the same gzip bytes and headers, bodies it must not touch untouched, and
// the body uncompressed again when the service answers 415.
func TestCompressionHandlerSendsWhatKiotasSends(t *testing.T) {
	body := `{"displayName":"Renamed","status":"completed"}`
	tests := []struct {
		name     string
		body     string
		header   map[string]string
		statuses []int
	}{
		{name: "JSON body", body: body, statuses: []int{200}},
		{name: "large body", body: strings.Repeat(body, 500), statuses: []int{200}},
		{name: "no body", statuses: []int{200}},
		{name: "refused compressed", body: body, statuses: []int{415, 200}},
		{name: "already encoded", body: body, header: map[string]string{"Content-Encoding": "identity"}, statuses: []int{200}},
		{name: "upload range", body: body, header: map[string]string{"Content-Range": "bytes 0-45/46"}, statuses: []int{200}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			send := func(m khttp.Middleware) ([]sentRequest, *http.Request) {
				var reqBody io.Reader
				if tt.body != "" {
					reqBody = strings.NewReader(tt.body)
				}
				req := httptest.NewRequest(http.MethodPatch, "https://graph.example/beta/runs/1", reqBody)
				if tt.body == "" {
					req.Body = nil
				}
				for k, v := range tt.header {
					req.Header.Set(k, v)
				}
				p := &recordingPipeline{statuses: append([]int(nil), tt.statuses...)}
				resp, err := m.Intercept(p, 0, req)
				if err != nil || resp.StatusCode != 200 {
					t.Fatalf("Intercept: %v, %v", resp, err)
				}
				return p.sent, req
			}
			got, req := send(compressionHandler{})
			want, _ := send(khttp.NewCompressionHandler())
			if !reflect.DeepEqual(got, want) {
				t.Errorf("sent:\n%+v\nkiota sends:\n%+v", got, want)
			}
			if req.GetBody != nil {
				again, _ := req.GetBody()
				b, _ := io.ReadAll(again)
				if last := got[len(got)-1]; string(b) != last.Body {
					t.Errorf("GetBody gives %q, the request sent %q", b, last.Body)
				}
			}
		})
	}
}

// A pooled gzip writer carries nothing from one body into the next.
func TestCompressionHandlerReusesWritersCleanly(t *testing.T) {
	want, err := gzipped([]byte("second"))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := gzipped([]byte(strings.Repeat("first", 1000))); err != nil {
			t.Fatal(err)
		}
		got, err := gzipped([]byte("second"))
		if err != nil || string(got) != string(want) {
			t.Fatalf("gzipped after reuse = %x, %v; want %x", got, err, want)
		}
	}
}
