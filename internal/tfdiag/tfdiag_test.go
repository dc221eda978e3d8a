package tfdiag

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

func TestFromError(t *testing.T) {
	graphErr := func(status int, kind graph.OperationKind) error {
		return fmt.Errorf("wrapped: %w", &graph.Error{Operation: "reading industryData run 42", Kind: kind, StatusCode: status,
			Code: "Authorization_RequestDenied", Message: "Insufficient privileges to complete the operation.",
			RequestID: "7c0e2f3a-0000-4000-8000-000000000001", ClientRequestID: "c1"})
	}
	tests := []struct {
		name        string
		err         error
		wantSummary string
		want        []string // substrings of the detail, in order
		notWant     []string
	}{
		{
			name: "403 names the permission of the operation", err: graphErr(403, graph.KindReadRun), wantSummary: "Cannot read",
			want: []string{"HTTP 403", "Graph code: Authorization_RequestDenied", "request-id: 7c0e2f3a-0000-4000-8000-000000000001", "client-request-id: c1",
				"Permission: reading a run needs the Microsoft Graph application permission IndustryData-Run.Read.All (delegated: IndustryData-Run.Read.All)",
				"https://learn.microsoft.com/graph/api/industrydata-industrydatarun-get"},
			notWant: []string{"A 401"},
		},
		{
			name: "401 adds what a 401 usually means", err: graphErr(401, graph.KindStartRun), wantSummary: "Cannot read",
			want: []string{"HTTP 401", "IndustryData-Run.Start", "A 401 usually means the token is missing"},
		},
		{
			name: "an assumed permission says so", err: graphErr(403, graph.KindUpdateRun), wantSummary: "Cannot read",
			want: []string{"IndustryData-Run.Start", "assumed: the only documentation of updating a run is a draft page"},
		},
		{
			name: "statistics accept a higher permission too", err: graphErr(403, graph.KindReadRunStatistics), wantSummary: "Cannot read",
			want: []string{"IndustryData-Run.Read.All", "or a higher one (IndustryData-Run.Start)"},
		},
		{
			name: "404 has no permission hint", err: graphErr(404, graph.KindReadRun), wantSummary: "Cannot read",
			want: []string{"HTTP 404"}, notWant: []string{"Permission:"},
		},
		{
			name: "an operation of unknown kind has no permission hint", err: graphErr(403, ""), wantSummary: "Cannot read",
			want: []string{"HTTP 403"}, notWant: []string{"Permission:"},
		},
		{
			name: "auth failure", err: &graph.AuthError{Operation: "reading industryData run 42", Err: errors.New("AADSTS7000215: Invalid client secret")},
			wantSummary: "Cannot read: authentication failed", want: []string{"could not obtain a token", "AADSTS7000215"},
		},
		{
			name: "auth failure of managed identity names it and what to check",
			err: &graph.AuthError{Operation: "reading industry data run 42", Err: &graph.CredentialError{
				Method: graph.AuthManagedIdentity, MethodFrom: "ARM_USE_MSI", Err: errors.New("no managed identity endpoint")}},
			wantSummary: "Cannot read: authentication failed",
			want:        []string{"with managed identity: no managed identity endpoint", "runs on an Azure resource with a managed identity"},
			notWant:     []string{"app registration", "client_secret"},
		},
		{
			name: "auth failure of the default Azure CLI says it is the default",
			err: &graph.AuthError{Operation: "reading industry data run 42", Err: &graph.CredentialError{
				Method: graph.AuthAzureCLI, MethodFrom: graph.MethodFromDefault, Err: errors.New("Azure CLI not found on path")}},
			wantSummary: "Cannot read: authentication failed",
			want:        []string{"the Azure CLI (used because no authentication method is configured)", "az login"},
		},
		{
			name: "a 403 hint fits managed identities too", err: graphErr(403, graph.KindReadRun), wantSummary: "Cannot read",
			want: []string{"for a managed identity as an app role assignment"},
		},
		{
			name: "outcome unknown after a dropped connection",
			err: &graph.OutcomeUnknownError{Operation: "starting an industryData run", Method: "POST", URL: "https://graph/beta/runs/start",
				ClientRequestID: "c2", Err: errors.New("EOF")},
			wantSummary: "Cannot read",
			want:        []string{"While starting an industryData run, the request (POST https://graph/beta/runs/start) lost its connection", "did not resend", "Cause: EOF", "client-request-id: c2"},
		},
		{
			name: "outcome unknown after a gateway's 503",
			err: &graph.OutcomeUnknownError{Operation: "starting an industryData run", Method: "POST", URL: "u", StatusCode: 503,
				Err: &graph.Error{StatusCode: 503, Code: "serviceNotAvailable"}},
			wantSummary: "Cannot read", want: []string{"was answered HTTP 503 by a gateway", "may or may not have acted on it"},
		},
		{
			name: "timeout while throttled says what it waited for",
			err: &graph.RetryError{Operation: "reading industryData run 42", Method: "GET", URL: "u", Attempts: 2, StatusCode: 429,
				RetryAfter: "Wed, 01 May 2024 08:00:10 GMT", Wait: time.Minute, Left: 5 * time.Second, Reason: graph.RetryStopDeadline,
				Err: &graph.Error{StatusCode: 429, Code: "TooManyRequests", RequestID: "r3", ClientRequestID: "c3"}},
			wantSummary: "Cannot read",
			want: []string{"HTTP 429", "after 2 attempts", "Retry-After: Wed, 01 May 2024 08:00:10 GMT", "timed out", "deadline",
				"Last answer: HTTP 429", "Graph code: TooManyRequests", "request-id: r3", "client-request-id: c3", "timeouts block"},
		},
		{
			name: "advice a caller appended is kept",
			err: fmt.Errorf("%w\n\nAdopt an existing run with run_id, or try again later", &graph.Error{Operation: "starting an industryData run",
				Kind: graph.KindStartRun, StatusCode: 409, Code: "conflict", RequestID: "r4"}),
			wantSummary: "Cannot read", want: []string{"HTTP 409", "request-id: r4", "\n\nAdopt an existing run with run_id, or try again later"},
		},
		{
			name: "advice appended to an unknown outcome is kept",
			err: fmt.Errorf("%w\n\nCheck the runs in School Data Sync", &graph.OutcomeUnknownError{Operation: "starting an industryData run",
				Method: "POST", URL: "u", StatusCode: 503}),
			wantSummary: "Cannot read", want: []string{"HTTP 503", "did not resend", "\n\nCheck the runs in School Data Sync"},
		},
		{
			name: "context prepended by a caller is not repeated", err: fmt.Errorf("ctx: %w", &graph.Error{Operation: "op", StatusCode: 500}),
			wantSummary: "Cannot read", want: []string{"HTTP 500"}, notWant: []string{"ctx:"},
		},
		{
			name: "other errors keep their text", err: fmt.Errorf("reading industryData run 42: timed out: %w", context.DeadlineExceeded),
			wantSummary: "Cannot read", want: []string{"timed out: context deadline exceeded"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := FromError("Cannot read", tt.err)
			if d.Summary() != tt.wantSummary {
				t.Errorf("summary %q, want %q", d.Summary(), tt.wantSummary)
			}
			rest := d.Detail()
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("detail lacks %q (in order):\n%s", w, d.Detail())
				}
				rest = rest[i+len(w):]
			}
			for _, nw := range tt.notWant {
				if strings.Contains(d.Detail(), nw) {
					t.Errorf("detail has %q:\n%s", nw, d.Detail())
				}
			}
		})
	}
}

func TestPermissionTable(t *testing.T) {
	md := PermissionsMarkdown()
	for _, kind := range graph.OperationKinds {
		p, ok := PermissionFor(kind)
		if !ok || p.Operation == "" || p.Request == "" || p.Application == "" || p.Delegated == "" || !strings.HasPrefix(p.Source, "https://learn.microsoft.com/") {
			t.Errorf("%s: incomplete row %+v", kind, p)
		}
		if !strings.Contains(md, "`"+p.Request+"`") {
			t.Errorf("markdown lacks %s", p.Request)
		}
	}
	for _, want := range []string{
		"| Reading a run | `GET /runs/{id}` | `IndustryData-Run.Read.All` | `IndustryData-Run.Read.All` |",
		"| Starting a run | `POST /runs/microsoft.graph.industryData.start` | `IndustryData-Run.Start` |",
		"| Reading the operation of a start | `GET /operations/{id}` | `IndustryData.ReadBasic.All` |",
		"[^1]: Updating a run: assumed",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}
