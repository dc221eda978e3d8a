package tfdiag

import (
	"fmt"
	"strings"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// Permission is the Microsoft Graph permission one kind of call needs.
type Permission struct {
	Operation   string   // what the call does, in words ("reading a run")
	Request     string   // method and path under /external/industryData
	Application string   // least privileged application permission
	Delegated   string   // least privileged delegated permission (work or school account)
	Higher      []string // higher privileged permissions the docs also accept
	Source      string   // the documentation page the row comes from
	Assumption  string   // set when the docs do not say; what was assumed and why
}

// permissions is the one table of permissions per kind of call. Every row
// comes from the permissions section of the Microsoft Graph beta API page in
// Source, except those with an Assumption.
var permissions = map[graph.OperationKind]Permission{
	graph.KindReadRun: {
		Operation: "reading a run", Request: "GET /runs/{id}",
		Application: "IndustryData-Run.Read.All", Delegated: "IndustryData-Run.Read.All",
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-get?view=graph-rest-beta",
	},
	graph.KindListRuns: {
		Operation: "listing runs", Request: "GET /runs",
		Application: "IndustryData-Run.Read.All", Delegated: "IndustryData-Run.Read.All",
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-list?view=graph-rest-beta",
	},
	graph.KindReadRunStatistics: {
		Operation: "reading run statistics", Request: "GET /runs/{id}/getStatistics",
		Application: "IndustryData-Run.Read.All", Delegated: "IndustryData-Run.Read.All",
		Higher: []string{"IndustryData-Run.Start"},
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-getstatistics?view=graph-rest-beta",
	},
	graph.KindReadActivities: {
		Operation: "reading run activities", Request: "GET /runs/{id}/activities",
		Application: "IndustryData-Run.Read.All", Delegated: "IndustryData-Run.Read.All",
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-list-activities?view=graph-rest-beta",
		// The activity pages still list EduAdministration.Read.All
		// (application) and EduAdministration.Read (delegated), from before
		// the IndustryData-* permissions existed; activities are part of a
		// run, which IndustryData-Run.Read.All ("view current and previous
		// runs") covers.
		Assumption: "assumed: the activity pages of the docs list EduAdministration.Read.All (application) and EduAdministration.Read (delegated), which predate the IndustryData permissions",
	},
	graph.KindUpdateRun: {
		Operation: "updating a run", Request: "PATCH /runs/{id}",
		Application: "IndustryData-Run.Start", Delegated: "IndustryData-Run.Start",
		Source: "https://learn.microsoft.com/graph/permissions-reference#industrydata-runstart",
		// Updating a run is documented only in a draft page whose permission
		// table is a TODO. IndustryData-Run.Start ("view and start
		// IndustryData runs") is the only IndustryData permission that
		// grants more than reading runs.
		Assumption: "assumed: the only documentation of updating a run is a draft page without permissions; IndustryData-Run.Start is the only permission that grants more than reading runs",
	},
	graph.KindStartRun: {
		Operation: "starting a run", Request: "POST /runs/microsoft.graph.industryData.start",
		Application: "IndustryData-Run.Start", Delegated: "IndustryData-Run.Start",
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-start?view=graph-rest-beta",
	},
	graph.KindReadOperation: {
		Operation: "reading the operation of a start", Request: "GET /operations/{id}",
		Application: "IndustryData.ReadBasic.All", Delegated: "IndustryData.ReadBasic.All",
		Source: "https://learn.microsoft.com/graph/api/industrydata-longrunningoperation-get?view=graph-rest-beta",
	},
}

// PermissionFor returns the permission a kind of call needs.
func PermissionFor(kind graph.OperationKind) (Permission, bool) {
	p, ok := permissions[kind]
	return p, ok
}

// PermissionsMarkdown is the permission table as Markdown, for the docs.
func PermissionsMarkdown() string {
	var b strings.Builder
	b.WriteString("| Operation | Request (under `/external/industryData`) | Application permission | Delegated permission | Source |\n")
	b.WriteString("|---|---|---|---|---|\n")
	var notes []string
	for _, kind := range graph.OperationKinds {
		p := permissions[kind]
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
