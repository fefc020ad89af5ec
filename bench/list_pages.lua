-- wrk script: every request asks for a random page of the list (not one page over and over), so
-- the figure covers reading pages the server has not written before. PAGE_PATH is the list path
-- with a query (without offset); PAGES how many pages of 50 to pick from.
local path = os.getenv("PAGE_PATH") or "/api/v1/projects?limit=50"
local pages = tonumber(os.getenv("PAGES") or "100")
math.randomseed(os.time())
request = function()
  return wrk.format(nil, path .. "&offset=" .. (50 * math.random(0, pages - 1)))
end
