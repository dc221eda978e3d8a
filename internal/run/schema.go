package run

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// Attribute descriptions, shared by the data sources and the resource.
const (
	descID            = "The run's id (a GUID)."
	descDisplayName   = "The run's display name, e.g. `Run 2023-11-01 11:10 UTC`."
	descStartDateTime = "When the run started, RFC 3339. Compared by instant: `2024-05-01T10:00:00+02:00` equals `2024-05-01T08:00:00Z`."
	descEndDateTime   = "When the run ended, RFC 3339; null while the run is running."
	descStatus        = "The run's status: `running`, `failed` (canceled by the system), `completed`, `completedWithErrors` or `completedWithWarnings`; `unknownFutureValue` for a status newer than this provider."
	descBlockingError = "The error that stopped the run, if any."
	descStatistics    = "The run's statistics: per activity, and totals of what was read inbound. Role counts are maps of role to count, which read better in plans than lists of objects."

	descResourceStatistics = "The run's headline statistics: its id and status when taken, and totals of what was read inbound. " +
		"Per-activity statistics are in the `industrydata_run` and `industrydata_runs` data sources. " +
		"Role counts are maps of role to count, which read better in plans than lists of objects."
)

// dataSourceRunAttributes are the attributes of a run as the data sources
// show it; idRequired is true for industrydata_run (looked up by id).
func dataSourceRunAttributes(idRequired bool) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":              schema.StringAttribute{Required: idRequired, Computed: !idRequired, MarkdownDescription: descID},
		"display_name":    schema.StringAttribute{Computed: true, MarkdownDescription: descDisplayName},
		"start_date_time": schema.StringAttribute{Computed: true, CustomType: timetypes.InstantType{}, MarkdownDescription: descStartDateTime},
		"end_date_time":   schema.StringAttribute{Computed: true, CustomType: timetypes.InstantType{}, MarkdownDescription: descEndDateTime},
		"status":          schema.StringAttribute{Computed: true, MarkdownDescription: descStatus},
		"blocking_error":  blockingErrorField.dataSource(),
		"statistics":      statisticsField.dataSource(),
	}
}
