package graph

import (
	"net/http"
	"strings"
	"testing"
)

// A body logged at TRACE never shows a secret given in a resource's
// configuration, whatever JSON spacing or escapes it has; the rest stays.
func TestLoggedBodyRedactsSecretProperties(t *testing.T) {
	h := newLoggingHandler([]string{"provider-secret"})
	tests := []struct{ body, secret string }{
		{`{"credential":{"clientId":"app","clientSecret":"s3cret"}}`, "s3cret"},
		{`{"clientSecret" : "with \"quotes\" s3cret"}`, "s3cret"},
		{`{"defaultPasswordSettings":{"password":"P@ss-s3cret"}}`, "s3cret"},
		{`{"displayName":"provider-secret"}`, "provider-secret"},
	}
	for _, tt := range tests {
		got := h.body([]byte(tt.body), http.Header{})
		if strings.Contains(got, tt.secret) {
			t.Errorf("body(%s) = %s, shows the secret", tt.body, got)
		}
		if strings.Contains(tt.body, "clientSecret") && !strings.Contains(got, `"clientSecret"`) {
			t.Errorf("body(%s) = %s, lost the property name", tt.body, got)
		}
	}
}
