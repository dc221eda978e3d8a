package acctest

import (
	"fmt"
	"strings"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Config is a whole configuration: the provider block pointed at the fake,
// then hcl, which a test writes as the HCL a user would (fmt verbs, when
// args are given, fill in values: use %q for strings).
func Config(fake *fakegraph.Server, hcl string, args ...any) string {
	if len(args) > 0 {
		hcl = fmt.Sprintf(hcl, args...)
	}
	return ProviderBlock(fake) + strings.TrimLeft(hcl, "\n")
}
