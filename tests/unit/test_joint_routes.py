"""A joint interview's participants each keep their own safeguarding route, site contacts and support entries
(the second example study): the session screen's overview gives them per participant, not the first one's
for everyone.  A condition on an attribute the pack never asks of a participant's group (a young person's age
band, for their parent) does not hold for them; one on an attribute not recorded yet still may."""

from __future__ import annotations

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import ContactRole
from fieldwork_app.services import participants, screens, sessions
from fieldwork_app.services.workspace import Workspace
from tests.support.people import eligible_answers
from tests.unit.test_protocol_rules import caring, young_carer  # noqa: F401 - caring: a fixture


def test_each_participant_of_a_joint_interview_has_their_own_route_and_support(caring: Workspace) -> None:  # noqa: F811
    ws = caring
    young = young_carer(ws, "16-17")
    participants.set_attributes(ws, young, {"area": "south"})
    parent = participants.add(ws, "parent", young, {"language": "en-GB", "interpreter": "no", "area": "north"}).id
    assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
    sid = sessions.new(ws, [young, parent], "joint_interview", "home").id
    info = screens.session_overview(ws, sid)
    people = {p.participant_id: p for p in info.people}
    assert set(people) == {young, parent}
    y, p = people[young], people[parent]
    assert (y.group_label, p.group_label) == ("Young adult carer", "Parent")
    assert y.route is not None and y.route.id == "children"
    assert p.route is not None and p.route.id == "adults"  # no age band is ever asked of a parent
    front = [c.name for c in y.site_contacts if c.role is ContactRole.SAFEGUARDING_FRONT_DOOR]
    assert front == ["Northshire South children's front door"]
    assert [c.name for c in p.site_contacts if c.role is ContactRole.LOCAL_LEAD] == ["Dr Priya Shah (illustrative)"]
    assert "childline" in y.signposting and "childline" not in p.signposting
    assert "south-young-carers" in y.signposting and "north-young-carers" in p.signposting
    assert "north-young-carers" not in y.signposting
    # the session offers every participant's entries, as before
    assert {e.id for e in info.signposting} == set(y.signposting) | set(p.signposting)


def test_an_attribute_not_asked_of_a_group_does_not_hold_and_one_not_yet_recorded_may(caring: Workspace) -> None:  # noqa: F811
    pack = caring.pack()
    route = pack.safeguarding.routes[0]  # the children's: age band 16-17
    parent = conditions.who_for(pack, "parent", {})
    assert conditions.all_hold(route.when, parent) is False
    young_unknown = conditions.who_for(pack, "young-carer", {})
    assert conditions.all_hold(route.when, young_unknown) is None  # their age band is still to be recorded
    assert conditions.safeguarding_route(pack.safeguarding, young_unknown) == route  # the more protective
    assert conditions.safeguarding_route(pack.safeguarding, parent) == pack.safeguarding.routes[1]
