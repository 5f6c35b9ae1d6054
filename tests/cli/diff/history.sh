#!/usr/bin/env bash
# Builds the git repository the diff and log cases read, in folder $1 (created), with fixed
# authors and dates, so that every commit id is the same on every machine:
#   v1  c1 first data (2026-01-05)
#       c2 an added agreement (speeltuin-oost)
#       c3 a changed notice and a provision's value (buurthuis-wildeman)
#       c4 speeltuin-oost moved to another file, unchanged
#       c5 on branch cleanup: partner huurders-oost deleted
#       c6 on main: agreements/west.yaml renamed to agreements/wildeman.yaml
#   v2  c7 the merge of cleanup
#   v3  c8 a changed title; partner buurtwerk renamed to buurtwerk-west, all else equal (and
#          the agreements that name it)
# Then, not committed: a staged change (an evaluation's decision) and a working-tree change
# on top of it (wildeman's notice), so that HEAD, the index and the working tree all differ.
set -eu
repo=$1
mkdir -p "$repo/data/agreements"
cd "$repo"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE
git init -q -b main
git config commit.gpgsign false
commit() { # author date message
  local name=$1 date=$2; shift 2
  GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$(echo "$name" | tr 'A-Z ' 'a-z.')@example.nl" \
  GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$(echo "$name" | tr 'A-Z ' 'a-z.')@example.nl" \
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" git commit -q "$@"
}

cat > data/wijk.yaml <<'YAML'
format: 1
organisation: Woonstichting Westwaarts (illustratief)
language: en
YAML
cat > data/neighbourhoods.yaml <<'YAML'
neighbourhoods:
  - {id: geuzenveld, name: Geuzenveld, municipality: Amsterdam}
  - {id: slotermeer, name: Slotermeer, municipality: Amsterdam}
YAML
cat > data/partners.yaml <<'YAML'
partners:
  - id: dock
    name: Dock Amsterdam
    kind: welfare
    neighbourhoods: [geuzenveld]
  - id: buurtwerk
    name: Buurtwerk Slotermeer
    kind: welfare
    neighbourhoods: [slotermeer]
  - id: huurders-oost
    name: Huurdersvereniging Oost
    kind: tenants
YAML
cat > data/agreements/west.yaml <<'YAML'
agreements:
  - id: buurthuis-wildeman
    partner: dock
    title: Buurthuis De Wildeman
    neighbourhoods: [geuzenveld]
    start: 2025-01-01
    end: 2026-12-31
    renewal: tacit
    renewal_term: 1 year
    notice: 3 months
    evaluation_due: 12-01
    we_provide:
      - {kind: space, address: Wildemanbuurt 1, area_m2: 120, lease: 230a, value_per_year: 12000}
      - {kind: support, hours_per_year: 40}
      - {kind: funding, amount_per_year: 4500, value_per_year: 4500}
    partner_provides:
      - {id: open-huis, description: Open house every week, target: 40, unit: afternoons}
YAML
cat > data/agreements/noord.yaml <<'YAML'
agreements:
  - id: moestuin-slotermeer
    partner: buurtwerk
    title: Moestuin Slotermeer
    neighbourhoods: [slotermeer]
    start: 2025-04-01
    notice: 1 month
YAML
cat > data/evaluations.yaml <<'YAML'
evaluations:
  - {agreement: buurthuis-wildeman, year: 2025, date: 2025-12-10, decision: continue}
YAML
git add data
commit "Anne de Vries" "2026-01-05T09:30:00+01:00" -m "Eerste gegevens"
git tag v1

# c2: an added agreement
cat >> data/agreements/west.yaml <<'YAML'
  - id: speeltuin-oost
    partner: buurtwerk
    title: Speeltuin Slotermeer-Oost
    neighbourhoods: [slotermeer]
    start: 2026-02-01
    notice: 2 months
YAML
git add data
commit "Piet Jansen" "2026-02-02T14:00:00+01:00" -m "Nieuwe afspraak speeltuin"

# c3: a changed notice, and a provision's value
sed -i 's/    notice: 3 months/    notice: 6 months/; s/amount_per_year: 4500, value_per_year: 4500/amount_per_year: 5000, value_per_year: 5000/' data/agreements/west.yaml
git add data
commit "Anne de Vries" "2026-03-02T10:15:00+01:00" -m "Opzegtermijn Wildeman naar 6 maanden" -m "Afgesproken in het overleg van 1 maart."

# c4: speeltuin-oost moved to noord.yaml, unchanged
head -n 17 data/agreements/west.yaml > west.tmp && mv west.tmp data/agreements/west.yaml
cat >> data/agreements/noord.yaml <<'YAML'
  - id: speeltuin-oost
    partner: buurtwerk
    title: Speeltuin Slotermeer-Oost
    neighbourhoods: [slotermeer]
    start: 2026-02-01
    notice: 2 months
YAML
git add data
commit "Piet Jansen" "2026-04-01T11:00:00+02:00" -m "Speeltuin naar noord.yaml"

# c5 on a branch: a deleted partner
git checkout -q -b cleanup
head -n 9 data/partners.yaml > partners.tmp && mv partners.tmp data/partners.yaml
git add data
commit "Piet Jansen" "2026-05-04T16:45:00+02:00" -m "Partner Huurdersvereniging Oost opgeheven"

# c6 on main: a renamed file
git checkout -q main
git mv data/agreements/west.yaml data/agreements/wildeman.yaml
commit "Anne de Vries" "2026-05-06T08:00:00+02:00" -m "west.yaml heet nu wildeman.yaml"

# c7: the merge
GIT_AUTHOR_NAME="Anne de Vries" GIT_AUTHOR_EMAIL=anne.de.vries@example.nl \
GIT_COMMITTER_NAME="Anne de Vries" GIT_COMMITTER_EMAIL=anne.de.vries@example.nl \
GIT_AUTHOR_DATE="2026-05-10T12:00:00+02:00" GIT_COMMITTER_DATE="2026-05-10T12:00:00+02:00" \
  git merge -q --no-ff --no-edit -m "Merge branch 'cleanup'" cleanup
git tag v2

# c8: a changed title; a renamed partner id, all else equal
sed -i 's/    title: Buurthuis De Wildeman/    title: Buurthuis De Wildeman (Geuzenveld)/' data/agreements/wildeman.yaml
sed -i 's/  - id: buurtwerk$/  - id: buurtwerk-west/' data/partners.yaml
sed -i 's/    partner: buurtwerk$/    partner: buurtwerk-west/' data/agreements/noord.yaml
git add data
commit "Piet Jansen" "2026-06-01T09:00:00+02:00" -m "Titel Wildeman, buurtwerk-west"
git tag v3

# staged: an evaluation's decision; then, only in the working tree, wildeman's notice
sed -i 's/decision: continue/decision: adjust/' data/evaluations.yaml
git add data/evaluations.yaml
sed -i 's/    notice: 6 months/    notice: 9 months/' data/agreements/wildeman.yaml
