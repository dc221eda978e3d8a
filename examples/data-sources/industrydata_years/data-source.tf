# Every school year of the tenant, by code.
data "industrydata_years" "all" {}

output "year_ids" {
  value = { for y in data.industrydata_years.all.years : y.year => y.id }
}
