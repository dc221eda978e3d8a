package lifecycle

import (
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// GUIDPattern is the shape of the ids Graph gives industryData objects.
var GUIDPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// GUIDExample is a GUID for messages.
const GUIDExample = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"

// GUIDMessage is what a validator says of a value that is not what's id
// (what reads as "a source system").
func GUIDMessage(what string) string {
	return "must be the id of " + what + ", a GUID such as " + GUIDExample
}

// CheckImportID reports whether id is a GUID, adding an error that names
// the object and the expected shape when it is not. what reads as
// "an industry data run".
func CheckImportID(id, what string, diags *diag.Diagnostics) bool {
	if GUIDPattern.MatchString(id) {
		return true
	}
	diags.AddError("Invalid import id",
		fmt.Sprintf("%q is not %s id. Import takes the id Graph gave it, a GUID such as %s.", id, what, GUIDExample))
	return false
}
