/// What a zone is for; the rules treat each kind differently.
public enum ZoneKind: String, Sendable, Hashable, CaseIterable {
    /// Where people are brought in (入口).
    case entrance
    /// Body and belongings search (安全检查).
    case safetyCheck = "safety-check"
    /// Registration, photos, fingerprints (信息采集).
    case infoCollection = "info-collection"
    /// A holding room (候问室): capacity, watch post, separation.
    case holding
    /// An interview room (讯问室 / 询问室): two officers, recording.
    case interview
    /// Belongings lockers (物品保管).
    case locker
    /// A corridor between rooms.
    case corridor
    /// Where people leave the area.
    case exit
    /// Where the officer watching the holding rooms sits (值班岗).
    case dutyPost = "duty-post"
}
