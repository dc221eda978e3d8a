package graph

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	khttp "github.com/microsoft/kiota-http-go"
)

// maxLoggedBody bounds how much of a body a log line carries.
const maxLoggedBody = 16 << 10

// loggingHandler logs every attempt of every Graph request through tflog
// (visible with TF_LOG=debug, bodies and headers with TF_LOG=trace). The
// Authorization header is never written, and any known secret value is masked
// wherever it shows up.
type loggingHandler struct {
	mask *strings.Replacer
}

func newLoggingHandler(secrets []string) *loggingHandler {
	var pairs []string
	for _, s := range secrets {
		if s != "" {
			pairs = append(pairs, s, "***")
		}
	}
	return &loggingHandler{mask: strings.NewReplacer(pairs...)}
}

func (h *loggingHandler) Intercept(pipeline khttp.Pipeline, index int, req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	fields := map[string]any{
		"method":            req.Method,
		"url":               h.mask.Replace(req.URL.String()),
		"client_request_id": req.Header.Get("client-request-id"),
		"attempt":           attempt(req),
	}
	tflog.Debug(ctx, "Graph request", fields)
	detail := map[string]any{"headers": h.headers(req.Header)}
	if req.Body != nil && req.Body != http.NoBody {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		// Hand the next middleware a fresh, seekable copy of what was read.
		req.Body = khttp.NopCloser(bytes.NewReader(body))
		detail["body"] = h.body(body, req.Header)
	}
	tflog.Trace(ctx, "Graph request detail", detail)

	start := time.Now()
	resp, err := pipeline.Next(req, index)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = h.mask.Replace(err.Error())
		tflog.Debug(ctx, "Graph request failed", fields)
		return resp, err
	}
	fields["status"] = resp.StatusCode
	fields["request_id"] = resp.Header.Get("request-id")
	if ra := resp.Header.Get("Retry-After"); ra != "" {
		fields["retry_after"] = ra
	}
	tflog.Debug(ctx, "Graph response", fields)
	detail = map[string]any{"headers": h.headers(resp.Header)}
	if resp.Body != nil && resp.Body != http.NoBody {
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		detail["body"] = h.body(body, resp.Header)
	}
	tflog.Trace(ctx, "Graph response detail", detail)
	return resp, nil
}

// attempt numbers the sends of one request from 1, as the retry handler's
// log lines do; Retry-Attempt counts the resends (absent on the first send).
func attempt(req *http.Request) int {
	resends, _ := strconv.Atoi(req.Header.Get("Retry-Attempt"))
	return resends + 1
}

// headers renders headers for a log line, without credentials.
func (h *loggingHandler) headers(in http.Header) map[string]string {
	out := make(map[string]string, len(in))
	for name, values := range in {
		switch strings.ToLower(name) {
		case "authorization", "proxy-authorization", "cookie", "set-cookie":
			out[name] = "(redacted)"
		default:
			out[name] = h.mask.Replace(strings.Join(values, ", "))
		}
	}
	return out
}

// secretProperties matches the JSON properties that carry a secret given
// in the configuration of a resource rather than of the provider (a
// connector's clientSecret, a default password), with their string value.
var secretProperties = regexp.MustCompile(`("(?:clientSecret|password)"\s*:\s*)"(?:[^"\\]|\\.)*"`)

func (h *loggingHandler) body(b []byte, header http.Header) string {
	b = secretProperties.ReplaceAll(b, []byte(`$1"(redacted)"`))
	if header.Get("Content-Encoding") != "" {
		// A retried request arrives already compressed.
		return fmt.Sprintf("(%d bytes, %s)", len(b), header.Get("Content-Encoding"))
	}
	if len(b) > maxLoggedBody {
		return h.mask.Replace(string(b[:maxLoggedBody])) + "…(truncated)"
	}
	return h.mask.Replace(string(b))
}
