package run

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

var pathID = path.Root("id")

// clientFrom takes the client the provider's Configure handed over. It is nil
// while the provider is not configured yet (validation before plan).
func clientFrom(providerData any, diags *diag.Diagnostics) *graph.Client {
	if providerData == nil {
		return nil
	}
	c, ok := providerData.(*graph.Client)
	if !ok {
		diags.AddError("Provider not configured as expected", fmt.Sprintf("The provider handed this resource a %T instead of its Microsoft Graph client. "+
			"This is a bug in the provider: please report it at https://github.com/industrydata/terraform-provider-industrydata/issues.", providerData))
		return nil
	}
	return c
}
