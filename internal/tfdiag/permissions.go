package tfdiag

import (
	"fmt"
	"strings"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// Permission is the Microsoft Graph permission one kind of call needs; each
// kind declares its own in internal/graph.
type Permission = graph.Permission

// PermissionFor returns the permission a kind of call needs.
func PermissionFor(kind graph.OperationKind) (Permission, bool) { return graph.PermissionFor(kind) }

// PermissionsMarkdown is the permission table as Markdown, for the docs.
func PermissionsMarkdown() string {
	var b strings.Builder
	b.WriteString("| Operation | Request (under `/external/industryData`) | Application permission | Delegated permission | Source |\n")
	b.WriteString("|---|---|---|---|---|\n")
	var notes []string
	for _, kind := range graph.OperationKinds {
		p, _ := PermissionFor(kind)
		app, del := "`"+p.Application+"`", "`"+p.Delegated+"`"
		if len(p.Higher) > 0 {
			higher := "`" + strings.Join(p.Higher, "`, `") + "`"
			app += " (or " + higher + ")"
			del += " (or " + higher + ")"
		}
		if p.Assumption != "" {
			notes = append(notes, p.Operation+": "+p.Assumption+".")
			app += fmt.Sprintf(" [^%d]", len(notes))
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | [docs](%s) |\n", capitalize(p.Operation), p.Request, app, del, p.Source)
	}
	for i, n := range notes {
		fmt.Fprintf(&b, "\n[^%d]: %s", i+1, capitalize(n))
	}
	if len(notes) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
