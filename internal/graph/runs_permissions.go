package graph

// The kinds of run calls and the permission each needs. Every row comes from
// the permissions section of the Microsoft Graph beta API page in Source,
// except those with an Assumption.
var (
	KindReadRun = registerKind("read_run", Permission{ // GET /runs/{id}
		Operation: "reading a run", Request: "GET /runs/{id}",
		Application: "IndustryData-Run.Read.All", Delegated: "IndustryData-Run.Read.All",
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-get?view=graph-rest-beta",
	})
	KindListRuns = registerKind("list_runs", Permission{ // GET /runs
		Operation: "listing runs", Request: "GET /runs",
		Application: "IndustryData-Run.Read.All", Delegated: "IndustryData-Run.Read.All",
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-list?view=graph-rest-beta",
	})
	KindReadRunStatistics = registerKind("read_run_statistics", Permission{ // GET /runs/{id}/getStatistics, /runs/getStatistics
		Operation: "reading run statistics", Request: "GET /runs/{id}/getStatistics",
		Application: "IndustryData-Run.Read.All", Delegated: "IndustryData-Run.Read.All",
		Higher: []string{"IndustryData-Run.Start"},
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-getstatistics?view=graph-rest-beta",
	})
	KindUpdateRun = registerKind("update_run", Permission{ // PATCH /runs/{id}
		Operation: "updating a run", Request: "PATCH /runs/{id}",
		Application: "IndustryData-Run.Start", Delegated: "IndustryData-Run.Start",
		Source: "https://learn.microsoft.com/graph/permissions-reference#industrydata-runstart",
		// Updating a run is documented only in a draft page whose permission
		// table is a TODO. IndustryData-Run.Start ("view and start
		// IndustryData runs") is the only IndustryData permission that
		// grants more than reading runs.
		Assumption: "assumed: the only documentation of updating a run is a draft page without permissions; IndustryData-Run.Start is the only permission that grants more than reading runs",
	})
	KindStartRun = registerKind("start_run", Permission{ // POST /runs/microsoft.graph.industryData.start
		Operation: "starting a run", Request: "POST /runs/microsoft.graph.industryData.start",
		Application: "IndustryData-Run.Start", Delegated: "IndustryData-Run.Start",
		Source: "https://learn.microsoft.com/graph/api/industrydata-industrydatarun-start?view=graph-rest-beta",
	})
	KindReadOperation = registerKind("read_operation", Permission{ // GET /operations/{id}
		Operation: "reading the operation of a start", Request: "GET /operations/{id}",
		Application: "IndustryData.ReadBasic.All", Delegated: "IndustryData.ReadBasic.All",
		Source: "https://learn.microsoft.com/graph/api/industrydata-longrunningoperation-get?view=graph-rest-beta",
	})
	// KindListOperations is how a start whose answer was lost is found again.
	KindListOperations = registerKind("list_operations", Permission{ // GET /operations
		Operation: "listing the operations of starts", Request: "GET /operations",
		Application: "IndustryData.ReadBasic.All", Delegated: "IndustryData.ReadBasic.All",
		Source:     "https://learn.microsoft.com/graph/api/industrydata-longrunningoperation-get?view=graph-rest-beta",
		Assumption: "assumed: the same permission as reading one operation; Graph documents reading one, and the collection under /operations",
	})
)
