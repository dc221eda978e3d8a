package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models/odataerrors"
)

func odataError(status int, code, message, requestID, clientRequestID string, headers map[string]string) error {
	inner := odataerrors.NewInnerError()
	if requestID != "" {
		inner.SetRequestId(&requestID)
	}
	if clientRequestID != "" {
		inner.SetClientRequestId(&clientRequestID)
	}
	main := odataerrors.NewMainError()
	main.SetCode(&code)
	main.SetMessage(&message)
	main.SetInnerError(inner)
	e := odataerrors.NewODataError()
	e.SetErrorEscaped(main)
	e.SetStatusCode(status)
	h := abstractions.NewResponseHeaders()
	for k, v := range headers {
		h.Add(k, v)
	}
	e.SetResponseHeaders(h)
	return e
}

func TestWrapError(t *testing.T) {
	tests := []struct {
		name string
		in   error
		want *Error
	}{
		{
			name: "OData error carries status, code, message and ids from the body",
			in:   odataError(404, "itemNotFound", "Run x not found", "req-1", "client-1", nil),
			want: &Error{Operation: "op", StatusCode: 404, Code: "itemNotFound", Message: "Run x not found", RequestID: "req-1", ClientRequestID: "client-1"},
		},
		{
			name: "ids missing from the body come from headers",
			in:   odataError(403, "Authorization_RequestDenied", "Insufficient privileges", "", "", map[string]string{"request-id": "hdr-req", "client-request-id": "hdr-client"}),
			want: &Error{Operation: "op", StatusCode: 403, Code: "Authorization_RequestDenied", Message: "Insufficient privileges", RequestID: "hdr-req", ClientRequestID: "hdr-client"},
		},
		{
			name: "an empty error body (ApiError) keeps status and header ids",
			in: func() error {
				h := abstractions.NewResponseHeaders()
				h.Add("request-id", "r9")
				return fmt.Errorf("wrapped: %w", &abstractions.ApiError{Message: "boom", ResponseStatusCode: 502, ResponseHeaders: h})
			}(),
			want: &Error{Operation: "op", StatusCode: 502, Message: "boom", RequestID: "r9"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Error
			if !errors.As(wrapError("op", tt.in), &got) {
				t.Fatalf("not a *graph.Error: %v", wrapError("op", tt.in))
			}
			if *got != *tt.want {
				t.Errorf("got %+v\nwant %+v", *got, *tt.want)
			}
		})
	}
}

func TestWrapError_authFailureIsNotAGraphError(t *testing.T) {
	err := wrapError("reading run 1", fmt.Errorf("token: %w", &azidentity.AuthenticationFailedError{}))
	var ae *AuthError
	var ge *Error
	if !errors.As(err, &ae) || errors.As(err, &ge) {
		t.Fatalf("want *AuthError only, got %T: %v", err, err)
	}
}

func TestWrapError_timeoutNamesOperation(t *testing.T) {
	err := wrapError("reading run 1", context.DeadlineExceeded)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "reading run 1: timed out") {
		t.Fatalf("got %v", err)
	}
}

func TestError_messageNamesEverything(t *testing.T) {
	e := &Error{Operation: "reading industryData run 42", StatusCode: 401, Code: "InvalidAuthenticationToken", Message: "Access token is empty.", RequestID: "r", ClientRequestID: "c"}
	want := "reading industryData run 42: HTTP 401 Unauthorized, Graph code InvalidAuthenticationToken: Access token is empty. (request-id: r, client-request-id: c)"
	if e.Error() != want {
		t.Errorf("got  %q\nwant %q", e.Error(), want)
	}
	if !IsNotFound(fmt.Errorf("x: %w", &Error{StatusCode: 404})) || IsNotFound(e) {
		t.Error("IsNotFound misclassifies")
	}
}
