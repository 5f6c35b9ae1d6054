// The parts of init_templates.cpp that live in files of their own (internal to render/).
#pragma once

#include <string>

#include "render/init_templates.h"

namespace wijk::init_parts {

std::string readme(const InitPlan& plan);
std::string pre_commit_hook(const InitPlan& plan);
std::string install_script(const InitPlan& plan);
std::string github_workflow(const InitPlan& plan);
std::string gitlab_ci(const InitPlan& plan);
std::string crontab(const InitPlan& plan);
std::string gitignore(Lang lang);

// The paths of the shared install script and of the data root as a CI job or hook sees them
// from the top of the work tree: "ci/install-wijk.sh" / "data/ci/install-wijk.sh", "." / "data".
std::string from_top(const InitPlan& plan, const std::string& path);

}  // namespace wijk::init_parts
