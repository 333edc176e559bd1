# Sourced by the recording scripts here: sets $repo (the checkout) and $shared (the third-party
# data: $FENGHUO_SHARED_DATA, else the nearest shared/data above the checkout, as the tests look).
here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${FENGHUO_SHARED_DATA:-}
if [ -z "$shared" ]; then
  d=$repo; while [ "$d" != / ] && [ ! -d "$d/shared/data" ]; do d=$(dirname "$d"); done; shared=$d/shared/data
fi
