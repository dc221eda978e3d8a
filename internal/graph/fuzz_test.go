package graph

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// FuzzErrorBody sends arbitrary error responses through the whole client
// (retry middleware, kiota's adapter and its JSON parse node, the odataerrors
// factory, wrapError): it must never panic, and the error must always be a
// *Error that keeps the HTTP status, the request id and the operation.
// Statuses the retry policy retries (429, 503, 504) are mapped to others: a
// retried status is answered again until the policy gives up, which
// TestRetryPolicy covers.
func FuzzErrorBody(f *testing.F) {
	for _, seed := range []struct {
		status      uint16
		contentType string
		body        string
	}{
		{403, "application/json", `{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges","innerError":{"request-id":"r","date":"2024-05-01T08:00:00","client-request-id":"c"}}}`},
		{400, "application/json", `{"error":{"code":"BadRequest","message":"m","target":"status","details":[{"code":"x","message":"y","target":"z"}]}}`},
		{404, "application/json; charset=utf-8", `{"error":{"code":"itemNotFound","innerError":{"date":"not a date"}}}`},
		{502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"},
		{500, "application/json", `{"error":`},
		{401, "", ""},
		{409, "application/json", `{"error":null}`},
		{418, "application/json", `{"error":{"code":7,"message":["a"],"innerError":"x"}}`},
	} {
		f.Add(seed.status, seed.contentType, []byte(seed.body))
	}

	var current struct {
		status      int
		contentType string
		body        []byte
	}
	client := staticClient(f, func(r *http.Request) (*http.Response, error) {
		h := http.Header{"Request-Id": {"fuzz-request"}}
		if current.contentType != "" {
			h.Set("Content-Type", current.contentType)
		}
		return &http.Response{StatusCode: current.status, Header: h, Body: io.NopCloser(strings.NewReader(string(current.body))),
			ContentLength: int64(len(current.body)), Request: r}, nil
	}, Options{RetryMaxAttempts: 1})

	f.Fuzz(func(t *testing.T, status uint16, contentType string, body []byte) {
		current.status = 400 + int(status)%200
		switch current.status {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			current.status = 400
		}
		current.contentType, current.body = contentType, body

		_, err := client.GetRun(context.Background(), "run-1")
		var ge *Error
		if !errors.As(err, &ge) {
			t.Fatalf("HTTP %d %q %q: not a *graph.Error: %T %v", current.status, contentType, body, err, err)
		}
		if ge.StatusCode != current.status || ge.Kind != KindReadRun || ge.Operation != "reading industry data run run-1" {
			t.Fatalf("HTTP %d %q %q: got %+v", current.status, contentType, body, *ge)
		}
		if ge.RequestID == "" {
			t.Fatalf("HTTP %d %q %q: request id lost: %+v", current.status, contentType, body, *ge)
		}
		if msg := ge.Error(); !strings.Contains(msg, "HTTP "+strconv.Itoa(current.status)) {
			t.Fatalf("message lacks the status: %s", msg)
		}
	})
}
