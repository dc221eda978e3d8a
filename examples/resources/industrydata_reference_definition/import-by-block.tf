# Terraform 1.5+ and OpenTofu 1.6+: import during `plan`/`apply`.
import {
  to = industrydata_reference_definition.grade_9
  id = "RefGradeLevel-09"
}

resource "industrydata_reference_definition" "grade_9" {
  reference_type = "RefGradeLevel"
  code           = "09"
  display_name   = "Grade 9"
  sort_index     = 9
}
