import Foundation

/// The symlink that puts a simulated RTU line where a station file expects its serial port.
enum PortLink {
    /// Links `path` to `terminal`, making the folder if missing. An old link there is replaced; anything
    /// else (a real device node, a file) is left alone and refused.
    static func make(at path: String, to terminal: String) throws(SimulatorError) {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try files.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            if let type = try? files.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
                guard type == .typeSymbolicLink else {
                    throw SimulatorError.invalid("\(path) exists and is not a link; refusing to replace it")
                }
                try files.removeItem(atPath: path)
            }
            try files.createSymbolicLink(atPath: path, withDestinationPath: terminal)
        } catch let error as SimulatorError {
            throw error
        } catch {
            throw .invalid("cannot link \(path) to \(terminal): \(error.localizedDescription)")
        }
    }

    /// Removes the link at `path` if it still leads to `terminal` (another simulator may have taken it).
    static func remove(at path: String, ifTo terminal: String) {
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == terminal else { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}
